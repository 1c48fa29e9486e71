package io.seamless.domain.ippool;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which unit holds which address offset of a pool. Kept as two dense arrays so that a snapshot of
 * a nearly full /16 is two JSON arrays (fast to read: values, not 60,000 distinct object keys); the
 * name index is rebuilt on first use after a snapshot and never serialized ({@code transient}).
 */
final class UnitTable {

    private int size;
    private String[] names = new String[16];
    private int[] offsets = new int[16];
    private transient Map<String, Integer> positions;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The offset the unit holds, or null when it holds none. */
    Integer offsetOf(String unit) {
        Integer position = positions().get(unit);
        return position == null ? null : offsets[position];
    }

    void put(String unit, int offset) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2);
        }
        names[size] = unit;
        offsets[size] = offset;
        positions().put(unit, size);
        size++;
    }

    /** Removes the unit (which must hold an offset) and answers the offset it held. */
    int remove(String unit) {
        int position = positions().remove(unit);
        int offset = offsets[position];
        int last = --size;
        if (position != last) {
            names[position] = names[last];
            offsets[position] = offsets[last];
            positions.put(names[position], position);
        }
        names[last] = null;
        return offset;
    }

    /** Only for refusal messages: a linear search is fine there. */
    Optional<String> holderOf(int offset) {
        for (int i = 0; i < size; i++) {
            if (offsets[i] == offset) {
                return Optional.of(names[i]);
            }
        }
        return Optional.empty();
    }

    private Map<String, Integer> positions() {
        if (positions == null) {
            positions = new HashMap<>(Math.max(16, size * 2));
            for (int i = 0; i < size; i++) {
                positions.put(names[i], i);
            }
        }
        return positions;
    }
}
