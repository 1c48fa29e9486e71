package io.seamless.domain.cluster;

import java.util.List;

/** The IP pools usable in the cluster changed; {@code ipPools} is the whole new set, sorted by name. */
public record ClusterIpPoolsUpdated(String cluster, List<String> ipPools) implements ClusterEvent {

    public ClusterIpPoolsUpdated {
        ipPools = List.copyOf(ipPools);
    }
}
