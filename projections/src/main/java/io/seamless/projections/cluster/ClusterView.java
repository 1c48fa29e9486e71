package io.seamless.projections.cluster;

import io.seamless.projections.support.Versioned;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.seamless.projections.cluster.ClusterEvents.Capacity;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A registered cluster as the query API shows it; {@code capacity} holds the canonical quantities of the
 * events and {@code version} is the sequence of the last event applied to it.
 */
@JsonPropertyOrder({"name", "site", "zone", "labels", "capacity", "ipPools", "cordoned", "version"})
record ClusterView(String name, String site, String zone, Map<String, String> labels, Capacity capacity,
                   List<String> ipPools, boolean cordoned, long version) implements Versioned {

    ClusterView {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        ipPools = List.copyOf(ipPools);
    }
}
