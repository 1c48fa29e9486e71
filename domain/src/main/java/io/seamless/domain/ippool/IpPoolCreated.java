package io.seamless.domain.ippool;

import java.util.List;

/** A pool was created; {@code excluded} is normalized and {@code capacity} counts assignable addresses. */
public record IpPoolCreated(String pool, String cidr, String gateway, List<String> excluded, Integer vlan,
                            String cniMode, String network, int capacity) implements IpPoolEvent {

    public IpPoolCreated {
        excluded = List.copyOf(excluded);
    }
}
