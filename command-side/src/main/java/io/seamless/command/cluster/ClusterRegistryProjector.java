package io.seamless.command.cluster;

import io.seamless.domain.cluster.Capacity;
import io.seamless.domain.cluster.ClusterCapacityUpdated;
import io.seamless.domain.cluster.ClusterCordoned;
import io.seamless.domain.cluster.ClusterIpPoolsUpdated;
import io.seamless.domain.cluster.ClusterRegistered;
import io.seamless.domain.cluster.ClusterRemoved;
import io.seamless.domain.cluster.ClusterUncordoned;
import io.seamless.domain.common.Quantity;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps {@code cluster_registry} in step with the cluster events. It runs in a subscribing processor, so
 * each change is written in the transaction that records the event: the registry never disagrees with the
 * event store, and a refused or failed command leaves both untouched.
 */
@ProcessingGroup(ClusterRegistryProjector.PROCESSING_GROUP)
class ClusterRegistryProjector {

    static final String PROCESSING_GROUP = "cluster-registry";

    private final JdbcClient jdbc;

    ClusterRegistryProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ClusterRegistered event) {
        Capacity capacity = event.capacity();
        jdbc.sql("""
                INSERT INTO cluster_registry (name, site, zone, labels, cpu_millis, memory_bytes, storage_bytes, ip_pools)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.cluster(), event.site(), event.zone(), ClusterRegistry.toJson(event.labels()),
                        Quantity.cpuMillis(capacity.cpu()), Quantity.bytes(capacity.memory()),
                        Quantity.bytes(capacity.storage()), ClusterRegistry.toJson(event.ipPools()))
                .update();
    }

    @EventHandler
    void on(ClusterCapacityUpdated event) {
        Capacity capacity = event.capacity();
        jdbc.sql("UPDATE cluster_registry SET cpu_millis = ?, memory_bytes = ?, storage_bytes = ? WHERE name = ?")
                .params(Quantity.cpuMillis(capacity.cpu()), Quantity.bytes(capacity.memory()),
                        Quantity.bytes(capacity.storage()), event.cluster())
                .update();
    }

    @EventHandler
    void on(ClusterIpPoolsUpdated event) {
        jdbc.sql("UPDATE cluster_registry SET ip_pools = ? WHERE name = ?")
                .params(ClusterRegistry.toJson(event.ipPools()), event.cluster())
                .update();
    }

    @EventHandler
    void on(ClusterCordoned event) {
        setFlag("cordoned", true, event.cluster());
    }

    @EventHandler
    void on(ClusterUncordoned event) {
        setFlag("cordoned", false, event.cluster());
    }

    @EventHandler
    void on(ClusterRemoved event) {
        setFlag("removed", true, event.cluster());
    }

    private void setFlag(String column, boolean value, String cluster) {
        jdbc.sql("UPDATE cluster_registry SET " + column + " = ? WHERE name = ?").params(value, cluster).update();
    }
}
