package io.seamless.command.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seamless.command.dispatch.AuditMetadata;
import io.seamless.command.dispatch.CommandDispatcher;
import io.seamless.domain.servicegroup.PlannedUnit;
import io.seamless.domain.servicegroup.ServiceGroupCommands;
import io.seamless.domain.servicegroup.ServiceSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** What reactors report on seamless.observations becomes service-group events, once, under the reactor's identity. */
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.datasource.url=jdbc:h2:mem:observations;DB_CLOSE_DELAY=-1", "seamless.observations.retry-backoff=200ms"})
@EmbeddedKafka(kraft = true, partitions = 1)
class ObservationIngesterTest {

    private static final String TYPE = "%ObservationRecorded";

    @Autowired
    private CommandDispatcher dispatcher;
    @Autowired
    private JdbcClient jdbc;
    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    @Test
    void observationsBecomeEventsOnceAndUnreadableOrUnknownOnesAreSkipped() {
        dispatcher.send(new ServiceGroupCommands.CreateServiceGroup("obs-db", "op-1", "redis", "7.2.4", "sentinel", 0,
                Map.of("redis", new ServiceSpec(2, null, null, Map.of(), "obs-net"),
                        "sentinel", new ServiceSpec(3, null, null, Map.of(), "obs-net")),
                List.of(unit("redis", 0), unit("redis", 1), unit("sentinel", 0), unit("sentinel", 1),
                        unit("sentinel", 2)), null),
                new AuditMetadata("alice", null, null, "corr-1"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(), new StringSerializer())) {
            produce(producer, "{not json");
            produce(producer, observation("no-such-db", "UNIT_READY"));
            produce(producer, observation("obs-db", "UNIT_READY"));
            produce(producer, observation("obs-db", "UNIT_READY"));
            produce(producer, observation("obs-db", "UNIT_EXPLODED"));
            produce(producer, observation("obs-db", "UNIT_FAILED"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> observed() == 2);
        List<String> metadata = jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE payload_type LIKE ?"
                + " ORDER BY global_index").param(TYPE)
                .query((rs, row) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8)).list();
        assertThat(metadata).allSatisfy(meta -> assertThat(meta).contains("\"actor\":\"system:reactor/bj-1\""));
        assertThat(observed()).isEqualTo(2);
    }

    private long observed() {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE ?").param(TYPE)
                .query(Long.class).single();
    }

    private static String observation(String group, String type) {
        return "{\"cluster\": \"bj-1\", \"group\": \"" + group + "\", \"unit\": \"" + group + "-redis-0\", \"type\": \""
                + type + "\", \"reason\": \"PodReady\", \"message\": null, \"time\": \"2026-11-25T10:00:00Z\"}";
    }

    private static void produce(KafkaProducer<String, String> producer, String value) {
        producer.send(new ProducerRecord<>(ObservationIngester.TOPIC, "obs-db-redis-0", value));
    }

    private static PlannedUnit unit(String service, int ordinal) {
        return new PlannedUnit("obs-db-" + service + "-" + ordinal, service, null, ordinal, "bj-1");
    }
}
