package io.seamless.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamless.server.kafka.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Kafka goes down mid-stream: commands keep succeeding (the events wait in the store), the
 * publisher's position does not move past what Kafka acknowledged, and once Kafka is back every
 * event arrives, in order. Duplicates are allowed (at-least-once), loss and reordering are not.
 */
@SpringBootTest(classes = SeamlessServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seamless.data-dir=target/test-data/kafka-outage", "seamless.kafka.embedded.port=0",
            "seamless.kafka.producer.timeout=3s", "seamless.kafka.publisher.batch-size=10"})
class KafkaOutageTest {

    static {
        TestData.wipe("target/test-data/kafka-outage");
    }

    private static final String POOL = "outage-net";

    private TestRestTemplate http;
    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private EventProcessingConfiguration processing;
    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Autowired
    void callAsAdmin(TestRestTemplate template) {
        this.http = TestCaller.asAdmin(template);
    }

    @Test
    void noEventIsLostOrReorderedWhileKafkaIsDown() {
        assertThat(http.postForEntity("/api/v1/ip-pools", Map.of("name", POOL, "cidr", "10.66.0.0/24",
                "gateway", "10.66.0.1", "cniMode", "sriov", "network", "sriov-net"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        allocate(0, 20);
        try (EventTopicReader reader = new EventTopicReader(bootstrapServers, "seamless.events.ippool")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> firstOccurrences(reader.poll()).size() == 21);

            broker.stop();
            allocate(20, 50);
            await().atMost(Duration.ofSeconds(60)).until(this::publisherFailed);
            broker.start();

            await().atMost(Duration.ofMinutes(3)).until(() -> firstOccurrences(reader.poll()).size() == 51);
            List<Long> sequences = firstOccurrences(reader.poll());
            assertThat(sequences).containsExactlyElementsOf(LongStream.rangeClosed(0, 50).boxed().toList());
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                http.getForObject("/api/v1/ip-pools/" + POOL, JsonNode.class).path("allocated").asInt() == 50);
    }

    private void allocate(int from, int to) {
        for (int i = from; i < to; i++) {
            assertThat(http.postForEntity("/api/v1/ip-pools/" + POOL + "/allocations", Map.of("unit", "u-" + i),
                    JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
    }

    /** The order in which each sequence number of the pool first appeared on the topic. */
    private static List<Long> firstOccurrences(List<EventTopicReader.Event> events) {
        Map<Long, Boolean> seen = new LinkedHashMap<>();
        events.stream().filter(event -> POOL.equals(event.subject()))
                .forEach(event -> seen.putIfAbsent(event.sequence(), true));
        return List.copyOf(seen.keySet());
    }

    private boolean publisherFailed() {
        return processing.eventProcessor("seamless-kafka-publisher", TrackingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream().anyMatch(status -> status.isErrorState())
                        || processor.processingStatus().isEmpty())
                .orElseThrow();
    }
}
