package io.seamless.projections.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamless.projections.support.EventEnvelope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The history tables: every event once, and which units belong to which service group. */
public class HistoryRepository {

    static final String SERVICE_GROUP_TOPIC = "seamless.events.servicegroup";
    static final String IP_POOL_TOPIC = "seamless.events.ippool";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "position, event_id, topic, subject, event_sequence, event_type, event_time,"
            + " actor, reason, ticket, correlation_id, causation_id, prevhash, hash, data";

    private final JdbcClient jdbc;

    public HistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of entries and the cursor of the next page (null after the last). */
    record Page(List<HistoryEntry> items, Long next) {
    }

    /** Records the event unless it is known (a redelivery); answers whether it was new. */
    boolean record(EventEnvelope event, String unit, String address) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM event_history WHERE topic = ? AND subject = ? AND event_sequence = ?")
                .params(event.topic(), event.subject(), event.sequence()).query(Long.class).single() > 0;
        if (known) {
            return false;
        }
        EventEnvelope.Audit audit = event.audit();
        jdbc.sql("INSERT INTO event_history (event_id, topic, subject, event_sequence, event_type, event_time, actor,"
                        + " reason, ticket, correlation_id, causation_id, prevhash, hash, unit_id, address, data)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(event.id(), event.topic(), event.subject(), event.sequence(), event.type(),
                        event.time().atOffset(ZoneOffset.UTC), audit.actor(), audit.reason(), audit.ticket(),
                        audit.correlationId(), audit.causationId(), audit.prevhash(), audit.hash(), unit, address,
                        json(event))
                .update();
        return true;
    }

    void bindUnit(String group, String unit) {
        if (jdbc.sql("SELECT COUNT(*) FROM event_history_group_unit WHERE group_name = ? AND unit_id = ?")
                .params(group, unit).query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO event_history_group_unit (group_name, unit_id) VALUES (?, ?)").params(group, unit)
                    .update();
        }
    }

    /** A service group's own events and the address events of every unit it ever had, oldest first. */
    Page serviceGroup(String group, HistoryQuery query) {
        return page("((topic = :groupTopic AND subject = :group) OR (topic = :poolTopic AND unit_id IN"
                + " (SELECT unit_id FROM event_history_group_unit WHERE group_name = :group)))",
                Map.of("groupTopic", SERVICE_GROUP_TOPIC, "group", group, "poolTopic", IP_POOL_TOPIC), query);
    }

    /** The events of one pool that name this address, oldest first. */
    Page address(String pool, String address, HistoryQuery query) {
        return page("(topic = :poolTopic AND subject = :pool AND address = :address)",
                Map.of("poolTopic", IP_POOL_TOPIC, "pool", pool, "address", address), query);
    }

    boolean anyFor(String topic, String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM event_history WHERE topic = ? AND subject = ?").params(topic, subject)
                .query(Long.class).single() > 0;
    }

    private Page page(String which, Map<String, Object> params, HistoryQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM event_history WHERE " + which);
        List<String> filters = new ArrayList<>();
        if (query.from() != null) {
            filters.add("event_time >= :from");
        }
        if (query.to() != null) {
            filters.add("event_time < :to");
        }
        if (query.type() != null) {
            filters.add("event_type = :type");
        }
        if (query.actor() != null) {
            filters.add("actor = :actor");
        }
        if (query.after() != null) {
            filters.add("position > :after");
        }
        filters.forEach(filter -> sql.append(" AND ").append(filter));
        sql.append(" ORDER BY position LIMIT ").append(query.limit() + 1);
        List<Row> rows = bind(jdbc.sql(sql.toString()).params(params), query).query(HistoryRepository::row).list();
        boolean more = rows.size() > query.limit();
        List<Row> shown = more ? rows.subList(0, query.limit()) : rows;
        return new Page(shown.stream().map(Row::entry).toList(), more ? shown.get(shown.size() - 1).position() : null);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, HistoryQuery query) {
        JdbcClient.StatementSpec bound = statement;
        if (query.from() != null) {
            bound = bound.param("from", query.from().atOffset(ZoneOffset.UTC));
        }
        if (query.to() != null) {
            bound = bound.param("to", query.to().atOffset(ZoneOffset.UTC));
        }
        if (query.type() != null) {
            bound = bound.param("type", query.type());
        }
        if (query.actor() != null) {
            bound = bound.param("actor", query.actor());
        }
        if (query.after() != null) {
            bound = bound.param("after", query.after());
        }
        return bound;
    }

    private record Row(long position, HistoryEntry entry) {
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        try {
            return new Row(rs.getLong("position"), new HistoryEntry(rs.getString("event_id"), rs.getString("event_type"),
                    rs.getObject("event_time", OffsetDateTime.class).toInstant(), rs.getString("topic"),
                    rs.getString("subject"), rs.getLong("event_sequence"), rs.getString("actor"), rs.getString("reason"),
                    rs.getString("ticket"), rs.getString("correlation_id"), rs.getString("causation_id"),
                    rs.getString("prevhash"), rs.getString("hash"), JSON.readTree(rs.getString("data"))));
        } catch (JsonProcessingException e) {
            throw new SQLException("stored history data is not JSON", e);
        }
    }

    private static String json(EventEnvelope event) {
        try {
            return JSON.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event data", e);
        }
    }
}
