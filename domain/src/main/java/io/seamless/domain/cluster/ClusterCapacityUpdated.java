package io.seamless.domain.cluster;

/** The cluster's capacity changed; {@code capacity} is the whole new capacity, canonical. */
public record ClusterCapacityUpdated(String cluster, Capacity capacity) implements ClusterEvent {
}
