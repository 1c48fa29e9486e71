package io.seamless.command.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamless.command.cluster.ClusterSnapshot.Resources;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The registered clusters as the command side knows them ({@code cluster_registry}, kept in step with the
 * events by {@link ClusterRegistryProjector}) and the units placed on them ({@code cluster_unit}). It is
 * what placement reads; a placement that must not race another one, or a cluster's removal, first takes
 * the row locks of the clusters it considers with {@link #lock}.
 */
public class ClusterRegistry {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() { };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() { };
    private static final String SNAPSHOTS = """
            SELECT r.name, r.site, r.zone, r.labels, r.ip_pools, r.cordoned, r.cpu_millis, r.memory_bytes,
                   r.storage_bytes, COALESCE(u.cpu_millis, 0) AS used_cpu_millis,
                   COALESCE(u.memory_bytes, 0) AS used_memory_bytes, COALESCE(u.storage_bytes, 0) AS used_storage_bytes,
                   COALESCE(u.units, 0) AS units
            FROM cluster_registry r
            LEFT JOIN (SELECT cluster, SUM(cpu_millis) AS cpu_millis, SUM(memory_bytes) AS memory_bytes,
                              SUM(storage_bytes) AS storage_bytes, COUNT(*) AS units
                       FROM cluster_unit GROUP BY cluster) u ON u.cluster = r.name
            WHERE r.removed = FALSE""";

    private final JdbcClient jdbc;

    public ClusterRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every cluster that is not removed, cordoned ones included, by name. */
    public List<ClusterSnapshot> clusters() {
        return jdbc.sql(SNAPSHOTS + " ORDER BY r.name").query(ClusterRegistry::snapshot).list();
    }

    /** The clusters new units may go to: not removed, not cordoned; by name. */
    public List<ClusterSnapshot> placeableClusters() {
        return jdbc.sql(SNAPSHOTS + " AND r.cordoned = FALSE ORDER BY r.name").query(ClusterRegistry::snapshot).list();
    }

    /**
     * Locks the registry rows of these clusters until the current transaction ends, then reads them: a
     * placement holding the locks cannot overlap a removal of those clusters or another placement on them.
     * Rows are locked in name order, so that two callers locking overlapping sets cannot deadlock.
     *
     * @return the clusters among {@code names} that exist and are not removed (cordoned ones included), by name
     * @throws IllegalStateException outside a transaction, where a lock would end with the statement
     */
    public List<ClusterSnapshot> lock(Collection<String> names) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("cluster rows can only be locked inside a transaction");
        }
        List<String> sorted = names.stream().distinct().sorted().toList();
        if (sorted.isEmpty()) {
            return List.of();
        }
        jdbc.sql("SELECT name FROM cluster_registry WHERE name IN (:names) ORDER BY name FOR UPDATE")
                .param("names", sorted).query(String.class).list();
        return jdbc.sql(SNAPSHOTS + " AND r.name IN (:names) ORDER BY r.name")
                .param("names", sorted).query(ClusterRegistry::snapshot).list();
    }

    /**
     * Locks every cluster that is not removed, then reads them: {@link #lock} for all of them, without
     * reading (and summing the units of) every cluster once more just to learn their names.
     */
    public List<ClusterSnapshot> lockAll() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("cluster rows can only be locked inside a transaction");
        }
        jdbc.sql("SELECT name FROM cluster_registry WHERE removed = FALSE ORDER BY name FOR UPDATE")
                .query(String.class).list();
        return clusters();
    }

    /** Units placed on the cluster, counted per service group (sorted by service group). */
    Map<String, Long> unitsByServiceGroup(String cluster) {
        Map<String, Long> units = new TreeMap<>();
        jdbc.sql("SELECT service_group, COUNT(*) FROM cluster_unit WHERE cluster = ? GROUP BY service_group")
                .param(cluster)
                .query(rs -> {
                    units.put(rs.getString(1), rs.getLong(2));
                });
        return units;
    }

    /** Locks one cluster's row; false when the cluster was never registered. */
    boolean lockOne(String cluster) {
        return jdbc.sql("SELECT name FROM cluster_registry WHERE name = ? FOR UPDATE").param(cluster)
                .query(String.class).optional().isPresent();
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("labels and pool names are always JSON", e);
        }
    }

    private static ClusterSnapshot snapshot(ResultSet rs, int row) throws SQLException {
        return new ClusterSnapshot(rs.getString("name"), rs.getString("site"), rs.getString("zone"),
                fromJson(rs.getString("labels"), LABELS), fromJson(rs.getString("ip_pools"), NAMES),
                rs.getBoolean("cordoned"),
                new Resources(rs.getLong("cpu_millis"), rs.getLong("memory_bytes"), rs.getLong("storage_bytes")),
                new Resources(rs.getLong("used_cpu_millis"), rs.getLong("used_memory_bytes"),
                        rs.getLong("used_storage_bytes")),
                rs.getInt("units"));
    }

    private static <T> T fromJson(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cluster_registry holds a column that is not JSON: " + json, e);
        }
    }
}
