package io.seamless.projections.servicegroup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.seamless.projections.servicegroup.OperationView.State;
import io.seamless.projections.servicegroup.ServiceGroupViews.Detail;
import io.seamless.projections.servicegroup.ServiceGroupViews.Summary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service group read model ({@code service_group_view}, {@code service_group_operation_view}). Writes come
 * from the single desired-state projector thread inside its batch transaction; reads serve the query API. Each
 * group's folded state is kept as JSON beside the columns the list and the lookups need.
 */
public class ServiceGroupRepository {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<List<Long>> SEQUENCES = new TypeReference<>() { };

    private final JdbcClient jdbc;

    public ServiceGroupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A group as stored: its state, the sequence of the last event applied, and whether it was deleted. */
    record StoredGroup(GroupState state, long lastSequence, boolean deleted) {
    }

    Optional<StoredGroup> find(String group) {
        return jdbc.sql("SELECT state, last_sequence, deleted FROM service_group_view WHERE name = :name")
                .param("name", group)
                .query((rs, row) -> new StoredGroup(fromJson(rs.getString("state")), rs.getLong("last_sequence"),
                        rs.getBoolean("deleted")))
                .optional();
    }

    void insert(GroupState state, long sequence, Instant time) {
        jdbc.sql("""
                INSERT INTO service_group_view (name, engine, topology, engine_version, status, unit_count, deleted,
                                                state, last_sequence, created_at, updated_at)
                VALUES (:name, :engine, :topology, :engineVersion, :status, :unitCount, FALSE, :state, :sequence,
                        :time, :time)""")
                .param("name", state.name())
                .param("engine", state.engine())
                .param("topology", state.topology())
                .param("engineVersion", state.engineVersion())
                .param("status", state.status().name())
                .param("unitCount", state.units().size())
                .param("state", toJson(state))
                .param("sequence", sequence)
                .param("time", utc(time))
                .update();
    }

    /** Moves the group to {@code sequence}; the guard makes a stale or repeated write change nothing. */
    void update(GroupState state, long sequence, Instant time, boolean deleted) {
        jdbc.sql("""
                UPDATE service_group_view SET engine_version = :engineVersion, status = :status,
                       unit_count = :unitCount, deleted = :deleted, state = :state, last_sequence = :sequence,
                       updated_at = :time
                WHERE name = :name AND last_sequence < :sequence""")
                .param("engineVersion", state.engineVersion())
                .param("status", state.status().name())
                .param("unitCount", state.units().size())
                .param("deleted", deleted)
                .param("state", toJson(state))
                .param("sequence", sequence)
                .param("time", utc(time))
                .param("name", state.name())
                .update();
    }

    Optional<OperationView> findOperation(String group, String operationId) {
        return jdbc.sql("""
                SELECT group_name, operation_id, type, state, reason, accepted_at, updated_at, finished_at, sequences
                FROM service_group_operation_view WHERE group_name = :group AND operation_id = :operationId""")
                .param("group", group)
                .param("operationId", operationId)
                .query(this::operation)
                .optional();
    }

    /** Records the operation's new progress; the single writer makes update-else-insert safe on any database. */
    void saveOperation(OperationView operation) {
        int updated = jdbc.sql("""
                UPDATE service_group_operation_view SET state = :state, reason = :reason, updated_at = :updatedAt,
                       finished_at = :finishedAt, sequences = :sequences
                WHERE group_name = :group AND operation_id = :operationId""")
                .paramSource(operationParams(operation))
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO service_group_operation_view (group_name, operation_id, type, state, reason,
                                                              accepted_at, updated_at, finished_at, sequences)
                    VALUES (:group, :operationId, :type, :state, :reason, :acceptedAt, :updatedAt, :finishedAt,
                            :sequences)""")
                    .paramSource(operationParams(operation))
                    .update();
        }
    }

    List<Summary> findActiveGroups() {
        return jdbc.sql("""
                SELECT name, engine, topology, engine_version, status, unit_count, last_sequence, updated_at
                FROM service_group_view WHERE deleted = FALSE ORDER BY name""")
                .query((rs, row) -> new Summary(rs.getString("name"), rs.getString("engine"),
                        rs.getString("topology"), rs.getString("engine_version"), rs.getString("status"),
                        rs.getInt("unit_count"), rs.getLong("last_sequence"), instant(rs, "updated_at")))
                .list();
    }

    Optional<Detail> findActiveGroup(String group) {
        return jdbc.sql("""
                SELECT g.state, g.last_sequence, g.created_at, g.updated_at, d.render_error
                FROM service_group_view g LEFT JOIN desired_state_document d ON d.group_name = g.name
                WHERE g.name = :name AND g.deleted = FALSE""")
                .param("name", group)
                .query((rs, row) -> ServiceGroupViews.detail(fromJson(rs.getString("state")),
                        rs.getString("render_error"), rs.getLong("last_sequence"), instant(rs, "created_at"),
                        instant(rs, "updated_at")))
                .optional();
    }

    /** Whether the group exists and is not deleted. */
    boolean isActive(String group) {
        return jdbc.sql("SELECT COUNT(*) FROM service_group_view WHERE name = :name AND deleted = FALSE")
                .param("name", group)
                .query(Integer.class)
                .single() > 0;
    }

    private OperationView operation(ResultSet rs, int row) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new OperationView(rs.getString("group_name"), rs.getString("operation_id"), rs.getString("type"),
                State.valueOf(rs.getString("state")), rs.getString("reason"), instant(rs, "accepted_at"),
                instant(rs, "updated_at"), finished == null ? null : finished.toInstant(),
                sequences(rs.getString("sequences")));
    }

    private static MapSqlParameterSource operationParams(OperationView operation) {
        return new MapSqlParameterSource()
                .addValue("group", operation.group())
                .addValue("operationId", operation.operationId())
                .addValue("type", operation.type())
                .addValue("state", operation.state().name())
                .addValue("reason", operation.reason(), Types.VARCHAR)
                .addValue("acceptedAt", utc(operation.acceptedAt()))
                .addValue("updatedAt", utc(operation.updatedAt()))
                .addValue("finishedAt", operation.finishedAt() == null ? null : utc(operation.finishedAt()),
                        Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("sequences", write(operation.sequences()));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant time) {
        return time.atOffset(ZoneOffset.UTC);
    }

    static String toJson(GroupState state) {
        return write(state);
    }

    static GroupState fromJson(String json) {
        try {
            return JSON.readValue(json, GroupState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("service_group_view.state holds no group state: " + json, e);
        }
    }

    private static List<Long> sequences(String json) {
        try {
            return JSON.readValue(json, SEQUENCES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("service_group_operation_view.sequences holds no JSON array: " + json, e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the read model's own values are always JSON", e);
        }
    }
}
