package io.seamless.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The server against Kafka's own container image instead of the embedded broker. Needs a Docker
 * engine; without one the class is skipped (Testcontainers logs an ERROR line when it looks for
 * Docker and finds none: that line is expected here).
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = SeamlessServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seamless.data-dir=target/test-data/kafka-container", "seamless.kafka.embedded.enabled=false"})
class KafkaContainerTest {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    private TestRestTemplate http;

    @Autowired
    void callAsAdmin(TestRestTemplate template) {
        this.http = TestCaller.asAdmin(template);
    }

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
    }

    @Test
    void publishesToAContainerisedBroker() {
        assertThat(http.postForEntity("/api/v1/ip-pools", Map.of("name", "container-net", "cidr", "10.77.0.0/24",
                "gateway", "10.77.0.1", "cniMode", "kube-ovn", "network", "ovn-default"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        try (EventTopicReader reader = new EventTopicReader(KAFKA.getBootstrapServers(), "seamless.events.ippool")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !reader.poll().isEmpty());
            assertThat(reader.poll().get(0).type()).isEqualTo("io.seamless.ippool.IpPoolCreated.v1");
        }
    }
}
