package io.seamless.domain.cluster;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Remove a cluster that hosts no unit. Which units a cluster hosts is known to the command side's
 * registry, not to this aggregate: the registry refuses the command before it gets here.
 */
public record RemoveCluster(String cluster) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Cluster.aggregateId(cluster);
    }
}
