package io.seamless.command.cluster;

import io.seamless.command.ippool.IpPoolRegistry;
import io.seamless.domain.cluster.ClusterError;
import io.seamless.domain.cluster.RegisterCluster;
import io.seamless.domain.cluster.RemoveCluster;
import io.seamless.domain.cluster.UpdateClusterIpPools;
import io.seamless.domain.common.DomainException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The rules of clusters no single aggregate can see, checked inside the command's transaction before the
 * aggregate handles it: a cluster only names IP pools that exist, and is removed only when no unit is
 * placed on it. The removal check holds the cluster's registry row lock until the command commits, so a
 * placement (which takes the same lock, {@link ClusterRegistry#lock}) cannot slip a unit in between.
 */
class ClusterCommandChecks implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final ClusterRegistry clusters;
    private final IpPoolRegistry pools;

    ClusterCommandChecks(ClusterRegistry clusters, IpPoolRegistry pools) {
        this.clusters = clusters;
        this.pools = pools;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object command = unitOfWork.getMessage().getPayload();
        if (command instanceof RegisterCluster register) {
            checkPoolsExist(register.cluster(), register.ipPools());
        } else if (command instanceof UpdateClusterIpPools update) {
            checkPoolsExist(update.cluster(), update.ipPools());
        } else if (command instanceof RemoveCluster remove) {
            checkHostsNoUnit(remove.cluster());
        }
        return chain.proceed();
    }

    private void checkPoolsExist(String cluster, List<String> ipPools) {
        // Nulls are the aggregate's to refuse, with its own message.
        Set<String> named = ipPools.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        Set<String> existing = pools.existing(named);
        List<String> unknown = named.stream().filter(pool -> !existing.contains(pool)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new DomainException(ClusterError.UNKNOWN_IP_POOL, "cluster '" + cluster + "' names IP pool(s) that do"
                    + " not exist: " + String.join(", ", unknown) + "; create them first or leave them out");
        }
    }

    private void checkHostsNoUnit(String cluster) {
        if (!clusters.lockOne(cluster)) {
            return; // never registered: the aggregate answers that it does not exist
        }
        Map<String, Long> units = clusters.unitsByServiceGroup(cluster);
        if (!units.isEmpty()) {
            long total = units.values().stream().mapToLong(Long::longValue).sum();
            throw new DomainException(ClusterError.CLUSTER_HOSTS_UNITS, "cluster '" + cluster + "' still hosts " + total
                    + " unit(s) of service group(s) " + String.join(", ", units.keySet())
                    + "; move or delete them first");
        }
    }
}
