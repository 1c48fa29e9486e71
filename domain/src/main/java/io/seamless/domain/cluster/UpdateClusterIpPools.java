package io.seamless.domain.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set the IP pools usable in the cluster (the whole set); setting the set it already has records nothing. */
public record UpdateClusterIpPools(String cluster, List<String> ipPools) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Cluster.aggregateId(cluster);
    }

    public UpdateClusterIpPools {
        ipPools = ipPools == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(ipPools));
    }
}
