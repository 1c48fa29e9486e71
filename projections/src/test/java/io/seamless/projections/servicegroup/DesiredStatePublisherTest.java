package io.seamless.projections.servicegroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import io.seamless.projections.TcpGate;
import io.seamless.projections.TestKafka;
import io.seamless.projections.servicegroup.DesiredStateRepository.StoredDocument;
import io.seamless.projections.support.ProjectionSchema;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class DesiredStatePublisherTest {

    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static final String DOCUMENT = "{\"apiVersion\":\"seamless.io/v2\",\"kind\":\"ServiceGroupDesiredState\","
            + "\"name\":\"orders-db\",\"version\":3,\"engine\":\"mysql\",\"topology\":\"innodb-cluster\","
            + "\"engineVersion\":\"8.0.36\",\"status\":\"READY\",\"stopped\":false,\"restartGeneration\":0,"
            + "\"units\":[]}";

    private final DesiredStateRepository documents = new DesiredStateRepository(JdbcClient.create(h2()));

    @Test
    void orderingAndDeduplicationCannotBeConfiguredAway() {
        Map<String, Object> config = DesiredStatePublisher.producerConfig(Map.of("acks", "1",
                "enable.idempotence", "false", "transactional.id", "x", "compression.type", "zstd"));

        assertThat(config).containsOnly(entry("acks", "all"), entry("enable.idempotence", true),
                entry("compression.type", "zstd"));
    }

    @Test
    void aDocumentStoredWhileKafkaIsDownIsPublishedOnceItIsBack() throws Exception {
        String topic = "desired-state-publisher-test-" + TOPICS.incrementAndGet();
        documents.saveDocument(new StoredDocument("orders-db", 3, DOCUMENT, "h3", null));
        try (TcpGate gate = new TcpGate(TestKafka.bootstrapServers())) {
            DesiredStatePublisher publisher = publisher(gate.address(), topic);
            publisher.start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> gate.dropped() > 0);
                assertThat(documents.unpublished(10)).hasSize(1);

                gate.open();
                await().atMost(Duration.ofSeconds(60)).until(() -> documents.unpublished(10).isEmpty());
            } finally {
                publisher.stop();
            }
        }

        PublishedDocuments published = PublishedDocuments.read(TestKafka.bootstrapServers(), topic);
        assertThat(published.records).hasSize(1);
        assertThat(new String(published.latest().get("orders-db"), StandardCharsets.UTF_8)).isEqualTo(DOCUMENT);
        assertThat(PublishedDocuments.cleanupPolicy(TestKafka.bootstrapServers(), topic)).isEqualTo("compact");
    }

    @Test
    void stoppingWhileKafkaIsUnreachableIsPrompt() throws Exception {
        documents.saveDocument(new StoredDocument("orders-db", 3, DOCUMENT, "h3", null));
        try (TcpGate gate = new TcpGate(TestKafka.bootstrapServers())) {
            DesiredStatePublisher publisher = publisher(gate.address(), "never-created");
            publisher.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> gate.dropped() > 0);

            long started = System.nanoTime();
            publisher.stop();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(publisher.isRunning()).isFalse();
        }
    }

    private DesiredStatePublisher publisher(String bootstrapServers, String topic) {
        Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return new DesiredStatePublisher(documents, new DesiredStatePublisher.Settings(
                new DesiredStateTopic(topic, 3, (short) 1), client, client, Duration.ofMillis(100),
                Duration.ofMillis(400)));
    }

    private static JdbcDataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:publisher-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ProjectionSchema(dataSource).migrate();
        return dataSource;
    }
}
