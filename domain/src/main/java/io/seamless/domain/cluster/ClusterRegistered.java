package io.seamless.domain.cluster;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Kubernetes cluster was registered for placement. Labels are sorted by key and IP pools by name, so
 * that the same registration always reads (and hashes) the same; the capacity is canonical.
 */
public record ClusterRegistered(String cluster, String site, String zone, Map<String, String> labels,
                                Capacity capacity, List<String> ipPools) implements ClusterEvent {

    public ClusterRegistered {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        ipPools = List.copyOf(ipPools);
    }
}
