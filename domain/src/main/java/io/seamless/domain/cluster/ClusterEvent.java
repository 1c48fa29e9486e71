package io.seamless.domain.cluster;

/**
 * Everything that can happen to a registered cluster. Axon stores each event's class name: renaming or
 * moving one of these records needs an upcaster. The public form on Kafka is produced by the command
 * side's mapper (see docs/event-catalogue.md), not by serializing these records.
 */
public sealed interface ClusterEvent permits ClusterRegistered, ClusterCapacityUpdated, ClusterIpPoolsUpdated,
        ClusterCordoned, ClusterUncordoned, ClusterRemoved {

    String cluster();
}
