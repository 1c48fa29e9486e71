package io.seamless.domain.ippool;

import io.seamless.domain.common.DomainException;
import java.util.List;

/**
 * The fixed shape of a pool, checked once at creation: its network, gateway and the addresses
 * that are never handed out (network, broadcast, gateway, excluded).
 */
record PoolLayout(Cidr cidr, long gateway, List<AddressRange> excluded) {

    /** Pools larger than a /16 are refused: split them; this bounds a pool's state and snapshot. */
    static final int LARGEST_PREFIX = 16;
    static final int SMALLEST_PREFIX = 30;

    static PoolLayout of(String cidrText, String gatewayText, List<String> excludedTexts) {
        Cidr cidr = Cidr.parse(cidrText);
        checkSize(cidr);
        long gateway = Ipv4.parse(gatewayText);
        if (!cidr.contains(gateway) || gateway == cidr.first() || gateway == cidr.last()) {
            throw new DomainException(IpPoolError.GATEWAY_OUTSIDE_CIDR, "gateway " + gatewayText
                    + " is not a host address of " + cidr);
        }
        List<AddressRange> excluded = excludedTexts.stream().map(AddressRange::parse).toList();
        excluded.stream().filter(range -> !range.within(cidr)).findFirst().ifPresent(range -> {
            throw new DomainException(IpPoolError.EXCLUDED_OUTSIDE_CIDR, "excluded " + range + " is not inside " + cidr);
        });
        return new PoolLayout(cidr, gateway, excluded);
    }

    /** Addresses that can never be handed out, as a bitmap over the pool's offsets. */
    AddressBitmap blocked() {
        AddressBitmap blocked = new AddressBitmap((int) cidr.size());
        blocked.set(0);
        blocked.set((int) cidr.size() - 1);
        blocked.set(cidr.offsetOf(gateway));
        excluded.forEach(range -> blocked.set(cidr.offsetOf(range.first()), cidr.offsetOf(range.last())));
        return blocked;
    }

    List<String> excludedTexts() {
        return excluded.stream().map(AddressRange::toString).toList();
    }

    private static void checkSize(Cidr cidr) {
        if (cidr.prefix() < LARGEST_PREFIX) {
            throw new DomainException(IpPoolError.IP_POOL_TOO_LARGE, cidr + " is larger than a /" + LARGEST_PREFIX
                    + "; split it into several pools");
        }
        if (cidr.prefix() > SMALLEST_PREFIX) {
            throw new DomainException(IpPoolError.INVALID_CIDR, cidr + " has no host address to hand out; use a /"
                    + SMALLEST_PREFIX + " or larger");
        }
    }
}
