package io.seamless.domain.ippool;

import java.util.Arrays;

/**
 * One bit per address of a pool, set when the address may not be handed out. A /16 takes
 * 1,024 longs: this is what keeps a nearly full pool's state and snapshot small and its
 * "lowest free address" search fast. Plain fields so the snapshot serializer can write it.
 */
public final class AddressBitmap {

    private int size;
    private long[] words;

    AddressBitmap() {
        // for the snapshot serializer
    }

    public AddressBitmap(int size) {
        this.size = size;
        this.words = new long[(size + 63) / 64];
    }

    public int size() {
        return size;
    }

    public boolean get(int index) {
        return (words[index >>> 6] & (1L << index)) != 0;
    }

    public void set(int index) {
        words[index >>> 6] |= 1L << index;
    }

    public void clear(int index) {
        words[index >>> 6] &= ~(1L << index);
    }

    public void set(int from, int toInclusive) {
        for (int i = from; i <= toInclusive; i++) {
            set(i);
        }
    }

    /** The lowest clear index, or -1 when every bit is set. Skips full words 64 bits at a time. */
    public int nextClear() {
        for (int w = 0; w < words.length; w++) {
            if (words[w] != -1L) {
                int index = (w << 6) + Long.numberOfTrailingZeros(~words[w]);
                return index < size ? index : -1;
            }
        }
        return -1;
    }

    public int cardinality() {
        return Arrays.stream(words).mapToInt(Long::bitCount).sum();
    }
}
