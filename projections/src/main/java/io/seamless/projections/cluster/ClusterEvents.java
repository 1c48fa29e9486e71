package io.seamless.projections.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.seamless.projections.support.EventEnvelope;
import io.seamless.projections.support.MalformedEventException;
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

    // New optional fields are a compatible change of a v1 schema: ignore what we do not know.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ClusterEvents() {
    }

    /** The event's data as {@code type}; malformed when a required field is missing or names another cluster. */
    static <T extends ClusterEvent> T read(EventEnvelope event, Class<T> type) {
        T payload;
        try {
            payload = JSON.treeToValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(event.type() + " data not readable: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(event.type() + " data not readable: " + e.getMessage());
        }
        if (!payload.cluster().equals(event.subject())) {
            throw new MalformedEventException(event.type() + " data names cluster '" + payload.cluster()
                    + "' but ce_subject is '" + event.subject() + "'");
        }
        return payload;
    }

    private static <V> V required(V value, String field) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }

    interface ClusterEvent {
        String cluster();
    }

    /** Canonical Kubernetes quantities, kept as published. */
    record Capacity(String cpu, String memory, String storage) {
        Capacity {
            required(cpu, "capacity.cpu");
            required(memory, "capacity.memory");
            required(storage, "capacity.storage");
        }
    }

    record ClusterRegistered(String cluster, String site, String zone, Map<String, String> labels, Capacity capacity,
                             List<String> ipPools) implements ClusterEvent {
        ClusterRegistered {
            required(cluster, "cluster");
            required(site, "site");
            required(zone, "zone");
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            required(capacity, "capacity");
            ipPools = ipPools == null ? List.of() : List.copyOf(ipPools);
        }
    }

    record ClusterCapacityUpdated(String cluster, Capacity capacity) implements ClusterEvent {
        ClusterCapacityUpdated {
            required(cluster, "cluster");
            required(capacity, "capacity");
        }
    }

    record ClusterIpPoolsUpdated(String cluster, List<String> ipPools) implements ClusterEvent {
        ClusterIpPoolsUpdated {
            required(cluster, "cluster");
            ipPools = List.copyOf(required(ipPools, "ipPools"));
        }
    }

    /** Cordoned, uncordoned or removed: the event's type says which; its data only names the cluster. */
    record ClusterNamed(String cluster) implements ClusterEvent {
        ClusterNamed {
            required(cluster, "cluster");
        }
    }
}
