package io.seamless.projections.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seamless.projections.support.ApplyOutcome;
import io.seamless.projections.support.EventEnvelope;
import io.seamless.projections.support.ProjectionSchema;
import java.time.Instant;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The history keeps each event once, and a group's timeline includes its units' address events. */
class HistoryProjectorTest {

    private final ObjectMapper json = new ObjectMapper();
    private HistoryRepository history;
    private HistoryProjector projector;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:history-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        new ProjectionSchema(dataSource).migrate();
        history = new HistoryRepository(JdbcClient.create(dataSource));
        projector = new HistoryProjector(history);
    }

    @Test
    void aRedeliveredEventChangesNothingAndUnitsBringTheirAddressEvents() throws Exception {
        EventEnvelope created = event("seamless.events.servicegroup", "shop-db", 0,
                "io.seamless.servicegroup.ServiceGroupCreated.v1", "{\"group\": \"shop-db\", \"units\": [{\"id\": \"shop-db-redis-0\"}]}");
        assertThat(projector.apply(created)).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(projector.apply(created)).isEqualTo(ApplyOutcome.ALREADY_APPLIED);
        projector.apply(event("seamless.events.ippool", "shop-net", 4, "io.seamless.ippool.AddressAllocated.v1",
                "{\"pool\": \"shop-net\", \"unit\": \"shop-db-redis-0\", \"address\": \"10.1.0.7\"}"));
        projector.apply(event("seamless.events.ippool", "shop-net", 5, "io.seamless.ippool.AddressAllocated.v1",
                "{\"pool\": \"shop-net\", \"unit\": \"other-db-redis-0\", \"address\": \"10.1.0.8\"}"));

        HistoryRepository.Page timeline = history.serviceGroup("shop-db", new HistoryQuery(null, null, null, null, 10,
                null));
        assertThat(timeline.items()).extracting(HistoryEntry::type).containsExactly(
                "io.seamless.servicegroup.ServiceGroupCreated.v1", "io.seamless.ippool.AddressAllocated.v1");
        assertThat(timeline.items().get(0).actor()).isEqualTo("apitoken:ci");
        assertThat(timeline.next()).isNull();
        assertThat(history.address("shop-net", "10.1.0.8", new HistoryQuery(null, null, null, null, 10, null)).items())
                .singleElement().satisfies(entry -> assertThat(entry.sequence()).isEqualTo(5));
        assertThat(history.serviceGroup("shop-db", new HistoryQuery(null, null, null, "someone-else", 10, null))
                .items()).isEmpty();
    }

    private EventEnvelope event(String topic, String subject, long sequence, String type, String data) throws Exception {
        return new EventEnvelope(subject + "-" + sequence, type, subject, sequence, Instant.parse("2026-11-25T10:00:00Z")
                .plusSeconds(sequence), (ObjectNode) json.readTree(data), topic, new EventEnvelope.Audit("apitoken:ci",
                "because", "CHG-1", "corr-1", null, "0".repeat(64), "1".repeat(64)));
    }
}
