package io.seamless.domain.cluster;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Place no new unit on the cluster; cordoning a cordoned cluster records nothing. */
public record CordonCluster(String cluster) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Cluster.aggregateId(cluster);
    }
}
