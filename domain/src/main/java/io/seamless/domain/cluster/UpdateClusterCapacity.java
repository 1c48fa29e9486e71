package io.seamless.domain.cluster;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set the cluster's capacity; setting the capacity it already has records nothing. */
public record UpdateClusterCapacity(String cluster, Capacity capacity) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Cluster.aggregateId(cluster);
    }
}
