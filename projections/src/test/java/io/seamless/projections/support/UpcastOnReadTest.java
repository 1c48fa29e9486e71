package io.seamless.projections.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seamless.projections.CloudEventRecords;
import io.seamless.projections.TestKafka;
import io.seamless.schemas.EventUpcasters;
import io.seamless.schemas.UpcastStep;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The day an event type gets a v2: the topics still hold its v1 records (kept forever), and both versions reach a
 * projection as v2, the only version it handles. Real Kafka, the real consumer loop, a projection that records what
 * it is given.
 */
class UpcastOnReadTest {

    /** A test-only v2 of a real event type: the unit is named {@code unitId}. */
    private static final UpcastStep UNIT_ID = new UpcastStep("ippool", "AddressAllocated", 1, data -> {
        data.set("unitId", data.remove("unit"));
        return data;
    });

    private final List<EventEnvelope> seen = new CopyOnWriteArrayList<>();

    @Test
    void aV1RecordOffKafkaReachesTheProjectionAsV2() {
        String topic = TestKafka.newTopic("upcast", 1);
        ProjectionConsumer consumer = start(topic, EventUpcasters.of(UNIT_ID));
        try {
            TestKafka.send(List.of(
                    CloudEventRecords.event(topic, "io.seamless.ippool.AddressAllocated.v1", "net", 0,
                            "{\"pool\": \"net\", \"unit\": \"db-0\", \"address\": \"10.0.0.2\"}"),
                    CloudEventRecords.event(topic, "io.seamless.ippool.AddressAllocated.v2", "net", 1,
                            "{\"pool\": \"net\", \"unitId\": \"db-1\", \"address\": \"10.0.0.3\"}"),
                    CloudEventRecords.event(topic, "io.seamless.ippool.AddressReleased.v1", "net", 2,
                            "{\"pool\": \"net\", \"unit\": \"db-0\", \"address\": \"10.0.0.2\"}")));

            await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() == 3);
        } finally {
            consumer.stop();
        }
        assertThat(seen).extracting(EventEnvelope::type).containsExactly("io.seamless.ippool.AddressAllocated.v2",
                "io.seamless.ippool.AddressAllocated.v2", "io.seamless.ippool.AddressReleased.v1");
        assertThat(seen).extracting(event -> event.data().path("unitId").asText()).containsExactly("db-0", "db-1", "");
        assertThat(seen.get(0).data().has("unit")).isFalse();
        assertThat(seen.get(2).data().get("unit").asText()).isEqualTo("db-0");
        assertThat(seen).extracting(EventEnvelope::sequence).containsExactly(0L, 1L, 2L);
    }

    private ProjectionConsumer start(String topic, EventUpcasters upcasters) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:upcast-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        String group = "upcast-" + UUID.randomUUID();
        ProjectionConsumer consumer = new ProjectionConsumer(
                new ConsumerSettings("upcast", topic,
                        ConsumerSettings.kafkaConfig(TestKafka.bootstrapServers(), group, group, Map.of()),
                        Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(1)),
                event -> {
                    seen.add(event);
                    return ApplyOutcome.APPLIED;
                }, new DataSourceTransactionManager(dataSource), upcasters);
        consumer.start();
        return consumer;
    }
}
