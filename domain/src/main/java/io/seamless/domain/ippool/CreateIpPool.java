package io.seamless.domain.ippool;

import java.util.List;

/** Create a pool of addresses for units of service groups. {@code vlan} is optional. */
public record CreateIpPool(String pool, String cidr, String gateway, List<String> excluded, Integer vlan,
                           String cniMode, String network) {

    public CreateIpPool {
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
    }
}
