package io.seamless.projections.ippool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamless.projections.ippool.IpPoolEvents.AddressEvent;
import io.seamless.projections.ippool.IpPoolEvents.IpPoolCreated;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The IP pool read model ({@code ip_pool_view}, {@code ip_allocation_view}). Writes come from the single
 * projector thread inside its batch transaction; reads serve the query API. The SQL is plain enough to run
 * unchanged on H2 and PostgreSQL.
 */
public class IpPoolRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String POOL_COLUMNS =
            "name, cidr, gateway, excluded, vlan, cni_mode, network, capacity, allocated, last_sequence";

    private final JdbcClient jdbc;

    public IpPoolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sequence of the last event applied to the pool, deleted or not; empty for a pool never created. */
    OptionalLong lastSequence(String pool) {
        return jdbc.sql("SELECT last_sequence FROM ip_pool_view WHERE name = :pool")
                .param("pool", pool)
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    void insertPool(IpPoolCreated pool, long sequence, Instant time) {
        jdbc.sql("""
                INSERT INTO ip_pool_view (name, cidr, gateway, excluded, vlan, cni_mode, network, capacity,
                                          allocated, deleted, last_sequence, updated_at)
                VALUES (:name, :cidr, :gateway, :excluded, :vlan, :cniMode, :network, :capacity,
                        0, FALSE, :sequence, :time)""")
                .param("name", pool.pool())
                .param("cidr", pool.cidr())
                .param("gateway", pool.gateway())
                .param("excluded", toJson(pool.excluded()))
                .param("vlan", pool.vlan(), Types.INTEGER)
                .param("cniMode", pool.cniMode())
                .param("network", pool.network())
                .param("capacity", pool.capacity())
                .param("sequence", sequence)
                .param("time", utc(time))
                .update();
    }

    /** Records the allocation unless the unit or the address is already taken in the view. */
    boolean insertAllocation(AddressEvent allocation, String kind, long sequence) {
        // Two lookups, one per unique key: an OR across both keys makes H2 scan the pool's rows.
        int taken = jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM ip_allocation_view WHERE pool = :pool AND unit = :unit)
                     + (SELECT COUNT(*) FROM ip_allocation_view WHERE pool = :pool AND address = :address)""")
                .params(allocationKey(allocation))
                .query(Integer.class)
                .single();
        if (taken > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO ip_allocation_view (pool, unit, address, kind, sequence)
                VALUES (:pool, :unit, :address, :kind, :sequence)""")
                .params(allocationKey(allocation))
                .param("kind", kind)
                .param("sequence", sequence)
                .update();
        return true;
    }

    /** Removes the unit's allocation of that address; answers how many rows went (0 or 1). */
    int deleteAllocation(AddressEvent release) {
        return jdbc.sql("DELETE FROM ip_allocation_view WHERE pool = :pool AND unit = :unit AND address = :address")
                .params(allocationKey(release))
                .update();
    }

    /** Moves the pool to {@code sequence}; the guard makes a stale or repeated write change nothing. */
    void advance(String pool, long sequence, Instant time, int allocatedDelta) {
        jdbc.sql("""
                UPDATE ip_pool_view SET allocated = allocated + :delta, last_sequence = :sequence, updated_at = :time
                WHERE name = :pool AND last_sequence < :sequence""")
                .param("delta", allocatedDelta)
                .param("sequence", sequence)
                .param("time", utc(time))
                .param("pool", pool)
                .update();
    }

    void markDeleted(String pool, long sequence, Instant time) {
        jdbc.sql("""
                UPDATE ip_pool_view SET deleted = TRUE, last_sequence = :sequence, updated_at = :time
                WHERE name = :pool AND last_sequence < :sequence""")
                .param("sequence", sequence)
                .param("time", utc(time))
                .param("pool", pool)
                .update();
    }

    List<PoolView> findActivePools() {
        return jdbc.sql("SELECT " + POOL_COLUMNS + " FROM ip_pool_view WHERE deleted = FALSE ORDER BY name")
                .query(this::poolView)
                .list();
    }

    Optional<PoolView> findActivePool(String pool) {
        return jdbc.sql("SELECT " + POOL_COLUMNS + " FROM ip_pool_view WHERE name = :pool AND deleted = FALSE")
                .param("pool", pool)
                .query(this::poolView)
                .optional();
    }

    /** The pool's allocations in no particular order: numeric address order is the caller's (SQL has none portable). */
    List<AllocationView> findAllocations(String pool) {
        return jdbc.sql("SELECT unit, address, kind, sequence FROM ip_allocation_view WHERE pool = :pool")
                .param("pool", pool)
                .query((rs, row) -> new AllocationView(rs.getString("unit"), rs.getString("address"),
                        rs.getString("kind"), rs.getLong("sequence")))
                .list();
    }

    private PoolView poolView(ResultSet rs, int row) throws SQLException {
        return new PoolView(rs.getString("name"), rs.getString("cidr"), rs.getString("gateway"),
                fromJson(rs.getString("excluded")), rs.getObject("vlan", Integer.class), rs.getString("cni_mode"),
                rs.getString("network"), rs.getLong("capacity"), rs.getLong("allocated"),
                rs.getLong("last_sequence"));
    }

    private static Map<String, Object> allocationKey(AddressEvent allocation) {
        return Map.of("pool", allocation.pool(), "unit", allocation.unit(), "address", allocation.address());
    }

    private static OffsetDateTime utc(Instant time) {
        return time.atOffset(ZoneOffset.UTC);
    }

    private static String toJson(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }

    private static List<String> fromJson(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ip_pool_view.excluded holds no JSON array: " + json, e);
        }
    }
}
