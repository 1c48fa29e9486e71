package io.seamless.domain.ippool;

import io.seamless.domain.common.DomainException;

/** An inclusive range of IPv4 addresses, written {@code 10.20.0.7} or {@code 10.20.0.2-10.20.0.9}. */
public record AddressRange(long first, long last) {

    public static AddressRange parse(String text) {
        int dash = text == null ? -1 : text.indexOf('-');
        long first = Ipv4.parse(dash < 0 ? text : text.substring(0, dash));
        long last = dash < 0 ? first : Ipv4.parse(text.substring(dash + 1));
        if (last < first) {
            throw new DomainException(IpPoolError.INVALID_ADDRESS,
                    "'" + text + "' is not a range: its last address is lower than its first");
        }
        return new AddressRange(first, last);
    }

    public boolean within(Cidr cidr) {
        return cidr.contains(first) && cidr.contains(last);
    }

    @Override
    public String toString() {
        return first == last ? Ipv4.format(first) : Ipv4.format(first) + "-" + Ipv4.format(last);
    }
}
