package io.seamless.domain.ippool;

import io.seamless.domain.common.DomainException;

/** IPv4 addresses as unsigned 32-bit values held in a {@code long}: cheap to compare and to count. */
public final class Ipv4 {

    private static final long MAX = 0xFFFF_FFFFL;

    private Ipv4() {
    }

    /** Parses dotted-quad notation strictly: four decimal octets 0-255, no leading zeros, nothing else. */
    public static long parse(String text) {
        String[] octets = text == null ? new String[0] : text.split("\\.", -1);
        if (octets.length != 4) {
            throw invalid(text);
        }
        long value = 0;
        for (String octet : octets) {
            value = (value << 8) | parseOctet(octet, text);
        }
        return value;
    }

    public static String format(long address) {
        if (address < 0 || address > MAX) {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
        return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "."
                + ((address >> 8) & 0xFF) + "." + (address & 0xFF);
    }

    private static int parseOctet(String octet, String text) {
        boolean digits = !octet.isEmpty() && octet.length() <= 3 && octet.chars().allMatch(Character::isDigit);
        if (!digits || (octet.length() > 1 && octet.charAt(0) == '0')) {
            throw invalid(text);
        }
        int value = Integer.parseInt(octet);
        if (value > 255) {
            throw invalid(text);
        }
        return value;
    }

    private static DomainException invalid(String text) {
        return new DomainException(IpPoolError.INVALID_ADDRESS, "'" + text + "' is not an IPv4 address in dotted-quad form");
    }
}
