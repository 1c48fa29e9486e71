package io.seamless.command.servicegroup;

import io.seamless.command.cluster.ClusterRegistry;
import io.seamless.command.cluster.ClusterSnapshot;
import io.seamless.domain.servicegroup.ClusterCapacity;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Placement's view of the cluster registry: every registered cluster, locked, with its free capacity. */
class RegisteredClusters implements ServiceGroupPlanner.ClusterCapacities {

    private final ClusterRegistry registry;

    RegisteredClusters(ClusterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Locks every cluster that is not removed (cordoned ones too: placement says why it skips them), so
     * that concurrent placements on any node take turns and never spend the same capacity twice.
     */
    @Override
    public List<ClusterCapacity> lockAll() {
        return registry.lockAll().stream().map(RegisteredClusters::capacity).toList();
    }

    @Override
    public Set<String> sitesOf(Set<String> clusterNames) {
        return registry.clusters().stream().filter(cluster -> clusterNames.contains(cluster.name()))
                .map(ClusterSnapshot::site).collect(Collectors.toSet());
    }

    private static ClusterCapacity capacity(ClusterSnapshot cluster) {
        ClusterSnapshot.Resources free = cluster.free();
        return new ClusterCapacity(cluster.name(), cluster.site(), cluster.zone(), cluster.cordoned(),
                Set.copyOf(cluster.ipPools()), free.cpuMillis(), free.memoryBytes(), free.storageBytes());
    }
}
