package io.seamless.domain.ippool;

import io.seamless.domain.common.DomainException;

/**
 * An IPv4 network in CIDR notation. Host bits must be zero, so that a pool's name for its
 * network is never ambiguous ({@code 10.20.0.5/24} is refused, {@code 10.20.0.0/24} is meant).
 */
public record Cidr(long network, int prefix) {

    public static Cidr parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw invalid(text, "expected <address>/<prefix length>, e.g. 10.20.0.0/24");
        }
        long address = parseAddress(text, slash);
        int prefix = parsePrefix(text.substring(slash + 1), text);
        Cidr cidr = new Cidr(address & mask(prefix), prefix);
        if (cidr.network() != address) {
            throw invalid(text, "host bits are set; did you mean " + cidr + "?");
        }
        return cidr;
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    public long first() {
        return network;
    }

    public long last() {
        return network + size() - 1;
    }

    public boolean contains(long address) {
        return address >= first() && address <= last();
    }

    public boolean overlaps(Cidr other) {
        return first() <= other.last() && other.first() <= last();
    }

    /** The position of an address inside this network, 0 being the network address. */
    public int offsetOf(long address) {
        if (!contains(address)) {
            throw new IllegalArgumentException(Ipv4.format(address) + " is outside " + this);
        }
        return (int) (address - network);
    }

    public long addressAt(int offset) {
        return network + offset;
    }

    @Override
    public String toString() {
        return Ipv4.format(network) + "/" + prefix;
    }

    private static long parseAddress(String text, int slash) {
        try {
            return Ipv4.parse(text.substring(0, slash));
        } catch (DomainException e) {
            throw invalid(text, "the network part is not an IPv4 address");
        }
    }

    private static int parsePrefix(String prefix, String text) {
        if (prefix.isEmpty() || prefix.length() > 2 || !prefix.chars().allMatch(Character::isDigit)) {
            throw invalid(text, "the prefix length must be a number from 0 to 32");
        }
        int value = Integer.parseInt(prefix);
        if (value > 32) {
            throw invalid(text, "the prefix length must be a number from 0 to 32");
        }
        return value;
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    }

    private static DomainException invalid(String text, String why) {
        return new DomainException(IpPoolError.INVALID_CIDR, "'" + text + "' is not a valid IPv4 CIDR: " + why);
    }
}
