package io.seamless.projections.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamless.projections.cluster.ClusterEvents.Capacity;
import io.seamless.projections.cluster.ClusterEvents.ClusterRegistered;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cluster read model ({@code cluster_view}). Writes come from the single projector thread inside its
 * batch transaction; reads serve the query API. The SQL runs unchanged on H2 and PostgreSQL.
 */
public class ClusterRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() { };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() { };
    private static final String COLUMNS = "name, site, zone, labels, cpu, memory, storage, ip_pools, cordoned, last_sequence";

    private final JdbcClient jdbc;

    public ClusterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sequence of the last event applied to the cluster, removed or not; empty for one never registered. */
    OptionalLong lastSequence(String cluster) {
        return jdbc.sql("SELECT last_sequence FROM cluster_view WHERE name = :name")
                .param("name", cluster)
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    void insert(ClusterRegistered cluster, long sequence, Instant time) {
        jdbc.sql("""
                INSERT INTO cluster_view (name, site, zone, labels, cpu, memory, storage, ip_pools, cordoned, removed,
                                          last_sequence, updated_at)
                VALUES (:name, :site, :zone, :labels, :cpu, :memory, :storage, :ipPools, FALSE, FALSE, :sequence, :time)""")
                .param("name", cluster.cluster())
                .param("site", cluster.site())
                .param("zone", cluster.zone())
                .param("labels", toJson(new TreeMap<>(cluster.labels())))
                .param("cpu", cluster.capacity().cpu())
                .param("memory", cluster.capacity().memory())
                .param("storage", cluster.capacity().storage())
                .param("ipPools", toJson(cluster.ipPools()))
                .param("sequence", sequence)
                .param("time", utc(time))
                .update();
    }

    void updateCapacity(String cluster, Capacity capacity, long sequence, Instant time) {
        advance(cluster, "cpu = :cpu, memory = :memory, storage = :storage", Map.of("cpu", capacity.cpu(),
                "memory", capacity.memory(), "storage", capacity.storage()), sequence, time);
    }

    void updateIpPools(String cluster, List<String> ipPools, long sequence, Instant time) {
        advance(cluster, "ip_pools = :ipPools", Map.of("ipPools", toJson(ipPools)), sequence, time);
    }

    void setCordoned(String cluster, boolean cordoned, long sequence, Instant time) {
        advance(cluster, "cordoned = :cordoned", Map.of("cordoned", cordoned), sequence, time);
    }

    void markRemoved(String cluster, long sequence, Instant time) {
        advance(cluster, "removed = TRUE", Map.of(), sequence, time);
    }

    List<ClusterView> findActiveClusters() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cluster_view WHERE removed = FALSE ORDER BY name")
                .query(ClusterRepository::clusterView)
                .list();
    }

    Optional<ClusterView> findActiveCluster(String cluster) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cluster_view WHERE name = :name AND removed = FALSE")
                .param("name", cluster)
                .query(ClusterRepository::clusterView)
                .optional();
    }

    /** Moves the cluster to {@code sequence}; the guard makes a stale or repeated write change nothing. */
    private void advance(String cluster, String assignments, Map<String, Object> values, long sequence, Instant time) {
        jdbc.sql("UPDATE cluster_view SET " + assignments + ", last_sequence = :sequence, updated_at = :time"
                        + " WHERE name = :name AND last_sequence < :sequence")
                .params(values)
                .param("sequence", sequence)
                .param("time", utc(time))
                .param("name", cluster)
                .update();
    }

    private static ClusterView clusterView(ResultSet rs, int row) throws SQLException {
        return new ClusterView(rs.getString("name"), rs.getString("site"), rs.getString("zone"),
                fromJson(rs.getString("labels"), LABELS),
                new Capacity(rs.getString("cpu"), rs.getString("memory"), rs.getString("storage")),
                fromJson(rs.getString("ip_pools"), NAMES), rs.getBoolean("cordoned"), rs.getLong("last_sequence"));
    }

    private static OffsetDateTime utc(Instant time) {
        return time.atOffset(ZoneOffset.UTC);
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("labels and names are always JSON", e);
        }
    }

    private static <T> T fromJson(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cluster_view holds a column that is not JSON: " + json, e);
        }
    }
}
