package io.seamless.domain.cluster;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A Kubernetes cluster that units may be placed on. Invariants are checked in the command handlers
 * before anything is applied; event sourcing handlers only assign. Setting what is already so
 * (capacity, IP pools, cordon state) records nothing and answers the current version, so every
 * write can be retried safely. Which units a cluster hosts is the command side's registry's
 * business, which guards removal.
 */
public class Cluster {

    /** {@link #aggregateId(String)} of the name. */
    @AggregateIdentifier
    private String id;
    private String name;
    private Capacity capacity;
    private List<String> ipPools;
    private boolean cordoned;

    protected Cluster() {
        // for Axon
    }

    /**
     * The event store's aggregate id of a cluster. Axon's store keys streams by id alone, across aggregate
     * types: the prefix keeps a cluster from ever colliding with an IP pool or service group of the same name.
     * The public {@code subject} of its events is the bare name.
     */
    public static String aggregateId(String cluster) {
        return "cluster:" + cluster;
    }

    @CommandHandler
    public Cluster(RegisterCluster command) {
        String cluster = ClusterRules.name(command.cluster());
        ClusterRules.location(command.site(), command.zone());
        Map<String, String> labels = ClusterRules.labels(command.labels());
        Capacity canonical = ClusterRules.capacity(command.capacity());
        List<String> pools = ClusterRules.ipPools(command.ipPools());
        apply(new ClusterRegistered(cluster, command.site(), command.zone(), labels, canonical, pools));
    }

    @CommandHandler
    public long handle(UpdateClusterCapacity command) {
        Capacity wanted = ClusterRules.capacity(command.capacity());
        if (!wanted.equals(capacity)) {
            apply(new ClusterCapacityUpdated(name, wanted));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(UpdateClusterIpPools command) {
        List<String> wanted = ClusterRules.ipPools(command.ipPools());
        if (!wanted.equals(ipPools)) {
            apply(new ClusterIpPoolsUpdated(name, wanted));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(CordonCluster command) {
        if (!cordoned) {
            apply(new ClusterCordoned(name));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(UncordonCluster command) {
        if (cordoned) {
            apply(new ClusterUncordoned(name));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(RemoveCluster command) {
        apply(new ClusterRemoved(name));
        return getVersion();
    }

    @EventSourcingHandler
    void on(ClusterRegistered event) {
        id = aggregateId(event.cluster());
        name = event.cluster();
        capacity = event.capacity();
        ipPools = event.ipPools();
        cordoned = false;
    }

    @EventSourcingHandler
    void on(ClusterCapacityUpdated event) {
        capacity = event.capacity();
    }

    @EventSourcingHandler
    void on(ClusterIpPoolsUpdated event) {
        ipPools = event.ipPools();
    }

    @EventSourcingHandler
    void on(ClusterCordoned event) {
        cordoned = true;
    }

    @EventSourcingHandler
    void on(ClusterUncordoned event) {
        cordoned = false;
    }

    @EventSourcingHandler
    void on(ClusterRemoved event) {
        markDeleted();
    }
}
