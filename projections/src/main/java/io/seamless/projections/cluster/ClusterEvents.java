package io.seamless.projections.cluster;

import io.seamless.projections.support.EventData;
import io.seamless.projections.support.EventEnvelope;
import java.util.List;
import java.util.Map;

/**
 * The public cluster events of docs/event-catalogue.md, as this projection reads them. They are this
 * module's own copy of the contract: the projections never see the domain's classes.
 */
final class ClusterEvents {

    static final String REGISTERED = "io.seamless.cluster.ClusterRegistered.v1";
    static final String CAPACITY_UPDATED = "io.seamless.cluster.ClusterCapacityUpdated.v1";
    static final String IP_POOLS_UPDATED = "io.seamless.cluster.ClusterIpPoolsUpdated.v1";
    static final String CORDONED = "io.seamless.cluster.ClusterCordoned.v1";
    static final String UNCORDONED = "io.seamless.cluster.ClusterUncordoned.v1";
    static final String REMOVED = "io.seamless.cluster.ClusterRemoved.v1";


    private ClusterEvents() {
    }

    /** The event's data as {@code type}; malformed when a required field is missing or names another cluster. */
    static <T extends ClusterEvent> T read(EventEnvelope event, Class<T> type) {
        return EventData.read(event, type, ClusterEvent::cluster, "cluster");
    }


    interface ClusterEvent {
        String cluster();
    }

    /** Canonical Kubernetes quantities, kept as published. */
    record Capacity(String cpu, String memory, String storage) {
        Capacity {
            EventData.required(cpu, "capacity.cpu");
            EventData.required(memory, "capacity.memory");
            EventData.required(storage, "capacity.storage");
        }
    }

    record ClusterRegistered(String cluster, String site, String zone, Map<String, String> labels, Capacity capacity,
                             List<String> ipPools) implements ClusterEvent {
        ClusterRegistered {
            EventData.required(cluster, "cluster");
            EventData.required(site, "site");
            EventData.required(zone, "zone");
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            EventData.required(capacity, "capacity");
            ipPools = ipPools == null ? List.of() : List.copyOf(ipPools);
        }
    }

    record ClusterCapacityUpdated(String cluster, Capacity capacity) implements ClusterEvent {
        ClusterCapacityUpdated {
            EventData.required(cluster, "cluster");
            EventData.required(capacity, "capacity");
        }
    }

    record ClusterIpPoolsUpdated(String cluster, List<String> ipPools) implements ClusterEvent {
        ClusterIpPoolsUpdated {
            EventData.required(cluster, "cluster");
            ipPools = List.copyOf(EventData.required(ipPools, "ipPools"));
        }
    }

    /** Cordoned, uncordoned or removed: the event's type says which; its data only names the cluster. */
    record ClusterNamed(String cluster) implements ClusterEvent {
        ClusterNamed {
            EventData.required(cluster, "cluster");
        }
    }
}
