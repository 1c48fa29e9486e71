package io.seamless.domain.cluster;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let the cluster take new units again; uncordoning a cluster that is not cordoned records nothing. */
public record UncordonCluster(String cluster) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Cluster.aggregateId(cluster);
    }
}
