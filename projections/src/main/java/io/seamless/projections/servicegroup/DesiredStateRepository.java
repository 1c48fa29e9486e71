package io.seamless.projections.servicegroup;

import io.seamless.projections.servicegroup.DesiredStateRenderer.ClusterFacts;
import io.seamless.projections.servicegroup.DesiredStateRenderer.PoolFacts;
import io.seamless.projections.servicegroup.PlacementEvents.ClusterRegistered;
import io.seamless.projections.servicegroup.PlacementEvents.PoolCreated;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The desired-state side of the read model: each group's current document, what was last published, the pools'
 * and clusters' facts the documents take, and which groups use which pool or cluster. Every table but
 * {@code desired_state_publication} is written by the projector thread only, and that one by the publisher
 * thread only: update-else-insert needs no lock on any database.
 */
public class DesiredStateRepository {

    /** {@code document_hash} of a deleted group: its tombstone is what is to be published. */
    static final String TOMBSTONE = "tombstone";

    static final String POOL = "pool";
    static final String CLUSTER = "cluster";

    private final JdbcClient jdbc;

    public DesiredStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A group's stored document: {@code document} null for a tombstone or before any could be rendered,
     * {@code hash} null in the latter case only.
     */
    record StoredDocument(String group, long version, String document, String hash, String renderError) {
    }

    Optional<StoredDocument> findDocument(String group) {
        return jdbc.sql("""
                SELECT group_name, doc_version, document, document_hash, render_error
                FROM desired_state_document WHERE group_name = :group""")
                .param("group", group)
                .query((rs, row) -> new StoredDocument(rs.getString("group_name"), rs.getLong("doc_version"),
                        rs.getString("document"), rs.getString("document_hash"), rs.getString("render_error")))
                .optional();
    }

    void saveDocument(StoredDocument document) {
        int updated = jdbc.sql("""
                UPDATE desired_state_document SET doc_version = :version, document = :document,
                       document_hash = :hash, render_error = :renderError
                WHERE group_name = :group""")
                .params(documentParams(document))
                .param("document", document.document(), Types.VARCHAR)
                .param("hash", document.hash(), Types.VARCHAR)
                .param("renderError", document.renderError(), Types.VARCHAR)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO desired_state_document (group_name, doc_version, document, document_hash, render_error)
                    VALUES (:group, :version, :document, :hash, :renderError)""")
                    .params(documentParams(document))
                    .param("document", document.document(), Types.VARCHAR)
                    .param("hash", document.hash(), Types.VARCHAR)
                    .param("renderError", document.renderError(), Types.VARCHAR)
                    .update();
        }
    }

    /**
     * Keeps a document (null: the group was deleted) as the group's desired state from {@code validFrom}, the
     * time of the event that made it: the history {@link #documentAsOf} and {@link #documentAt} read.
     */
    void recordHistory(String group, long version, Instant validFrom, String document, String hash) {
        jdbc.sql("INSERT INTO desired_state_history (group_name, doc_version, valid_from, document, document_hash)"
                        + " VALUES (:group, :version, :validFrom, :document, :hash)")
                .param("group", group).param("version", version).param("validFrom", validFrom.atOffset(ZoneOffset.UTC))
                .param("document", document, Types.VARCHAR).param("hash", hash).update();
    }

    /** The group's document as it was at that instant; empty before its first one. */
    Optional<HistoricalDocument> documentAsOf(String group, Instant instant) {
        return jdbc.sql("SELECT doc_version, valid_from, document, document_hash FROM desired_state_history"
                        + " WHERE group_name = ? AND valid_from <= ? ORDER BY valid_from DESC, position DESC LIMIT 1")
                .params(group, instant.atOffset(ZoneOffset.UTC)).query(DesiredStateRepository::historical).optional();
    }

    /** The last document the group had at this version (a pool or cluster event may re-render a version). */
    Optional<HistoricalDocument> documentAt(String group, long version) {
        return jdbc.sql("SELECT doc_version, valid_from, document, document_hash FROM desired_state_history"
                        + " WHERE group_name = ? AND doc_version = ? ORDER BY position DESC LIMIT 1")
                .params(group, version).query(DesiredStateRepository::historical).optional();
    }

    /** A document of the history; {@code document} null when the group was deleted then. */
    record HistoricalDocument(long version, Instant validFrom, String document, String hash) {
    }

    private static HistoricalDocument historical(ResultSet rs, int row) throws SQLException {
        return new HistoricalDocument(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getString(3), rs.getString(4));
    }

    /** Records the pool unless it is known already (a redelivery); answers whether it was new. */
    boolean insertPool(PoolCreated pool) {
        if (count("SELECT COUNT(*) FROM desired_state_pool WHERE name = :name", pool.pool()) > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO desired_state_pool (name, cni_mode, network, prefix_length)"
                        + " VALUES (:name, :cniMode, :network, :prefixLength)")
                .param("name", pool.pool())
                .param("cniMode", pool.cniMode())
                .param("network", pool.network())
                .param("prefixLength", pool.prefixLength())
                .update();
        return true;
    }

    /** Records the cluster unless it is known already (a redelivery); answers whether it was new. */
    boolean insertCluster(ClusterRegistered cluster) {
        if (count("SELECT COUNT(*) FROM desired_state_cluster WHERE name = :name", cluster.cluster()) > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO desired_state_cluster (name, site, zone) VALUES (:name, :site, :zone)")
                .param("name", cluster.cluster())
                .param("site", cluster.site())
                .param("zone", cluster.zone())
                .update();
        return true;
    }

    /** The known pools among {@code names}. */
    Map<String, PoolFacts> pools(Collection<String> names) {
        Map<String, PoolFacts> pools = new TreeMap<>();
        if (!names.isEmpty()) {
            jdbc.sql("SELECT name, cni_mode, network, prefix_length FROM desired_state_pool WHERE name IN (:names)")
                    .param("names", List.copyOf(names))
                    .query(rs -> {
                        pools.put(rs.getString("name"), new PoolFacts(rs.getString("cni_mode"),
                                rs.getString("network"), rs.getObject("prefix_length", Integer.class)));
                    });
        }
        return pools;
    }

    /** The known clusters among {@code names}. */
    Map<String, ClusterFacts> clusters(Collection<String> names) {
        Map<String, ClusterFacts> clusters = new TreeMap<>();
        if (!names.isEmpty()) {
            jdbc.sql("SELECT name, site, zone FROM desired_state_cluster WHERE name IN (:names)")
                    .param("names", List.copyOf(names))
                    .query(rs -> {
                        clusters.put(rs.getString("name"), new ClusterFacts(rs.getString("site"),
                                rs.getString("zone")));
                    });
        }
        return clusters;
    }

    /** Makes the group's references exactly these pools and clusters (none for a deleted group). */
    void replaceReferences(String group, Collection<String> pools, Collection<String> clusters) {
        jdbc.sql("DELETE FROM desired_state_reference WHERE group_name = :group").param("group", group).update();
        pools.forEach(pool -> reference(POOL, pool, group));
        clusters.forEach(cluster -> reference(CLUSTER, cluster, group));
    }

    /** The groups that use the pool or cluster, by name. */
    List<String> groupsUsing(String kind, String name) {
        return jdbc.sql("""
                SELECT group_name FROM desired_state_reference WHERE kind = :kind AND name = :name
                ORDER BY group_name""")
                .param("kind", kind)
                .param("name", name)
                .query(String.class)
                .list();
    }

    /**
     * Up to {@code limit} documents (or tombstones) whose hash differs from the one last published, by group
     * name: what the publisher has to send.
     */
    List<StoredDocument> unpublished(int limit) {
        return jdbc.sql("""
                SELECT d.group_name, d.doc_version, d.document, d.document_hash, d.render_error
                FROM desired_state_document d LEFT JOIN desired_state_publication p ON p.group_name = d.group_name
                WHERE d.document_hash IS NOT NULL AND (p.published_hash IS NULL OR p.published_hash <> d.document_hash)
                ORDER BY d.group_name LIMIT :limit""")
                .param("limit", limit)
                .query((rs, row) -> new StoredDocument(rs.getString("group_name"), rs.getLong("doc_version"),
                        rs.getString("document"), rs.getString("document_hash"), rs.getString("render_error")))
                .list();
    }

    /** Records that Kafka acknowledged this hash of the group's document. */
    void markPublished(String group, String hash) {
        int updated = jdbc.sql("UPDATE desired_state_publication SET published_hash = :hash WHERE group_name = :group")
                .param("hash", hash)
                .param("group", group)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO desired_state_publication (group_name, published_hash) VALUES (:group, :hash)")
                    .param("group", group)
                    .param("hash", hash)
                    .update();
        }
    }

    private void reference(String kind, String name, String group) {
        jdbc.sql("INSERT INTO desired_state_reference (kind, name, group_name) VALUES (:kind, :name, :group)")
                .param("kind", kind)
                .param("name", name)
                .param("group", group)
                .update();
    }

    private int count(String sql, String name) {
        return jdbc.sql(sql).param("name", name).query(Integer.class).single();
    }

    private static Map<String, Object> documentParams(StoredDocument document) {
        return Map.of("group", document.group(), "version", document.version());
    }
}
