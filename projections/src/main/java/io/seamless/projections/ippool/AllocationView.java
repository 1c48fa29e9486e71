package io.seamless.projections.ippool;

import java.util.Comparator;

/** One address held by a unit; {@code kind} is {@code allocated} (lowest free) or {@code reserved} (asked for). */
record AllocationView(String unit, String address, String kind, long sequence) {

    static final String ALLOCATED = "allocated";
    static final String RESERVED = "reserved";

    /** Numeric address order (10.0.0.9 before 10.0.0.10); anything that is not IPv4 last, in text order. */
    static final Comparator<AllocationView> BY_ADDRESS = Comparator
            .comparingLong((AllocationView allocation) -> ipv4Value(allocation.address()))
            .thenComparing(AllocationView::address);

    private static final long NOT_IPV4 = Long.MAX_VALUE;

    static long ipv4Value(String address) {
        String[] octets = address.split("\\.", -1);
        if (octets.length != 4) {
            return NOT_IPV4;
        }
        long value = 0;
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)) {
                return NOT_IPV4;
            }
            int number = Integer.parseInt(octet);
            if (number > 255) {
                return NOT_IPV4;
            }
            value = (value << 8) | number;
        }
        return value;
    }
}
