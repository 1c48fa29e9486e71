package io.seamless.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The whole control plane as the README starts it (every role, embedded Kafka broker, H2 file
 * store), driven over HTTP: a write on the command side becomes a CloudEvent on Kafka, and the
 * read side, which only reads Kafka, shows it.
 */
@SpringBootTest(classes = SeamlessServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seamless.data-dir=target/test-data/end-to-end", "seamless.kafka.embedded.port=0"})
class ControlPlaneEndToEndTest {

    static {
        TestData.wipeOnce("target/test-data/end-to-end");
    }

    private TestRestTemplate http;
    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Autowired
    void callAsAdmin(TestRestTemplate template) {
        this.http = TestCaller.asAdmin(template);
    }

    @Test
    void anAllocationTravelsFromTheCommandApiThroughKafkaToTheReadSide() {
        ResponseEntity<JsonNode> created = http.postForEntity("/api/v1/ip-pools", Map.of("name", "e2e-net",
                "cidr", "10.20.0.0/24", "gateway", "10.20.0.1", "excluded", new String[] {"10.20.0.2-10.20.0.9"},
                "vlan", 120, "cniMode", "calico", "network", "calico-pool-a"), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> allocated = http.postForEntity("/api/v1/ip-pools/e2e-net/allocations",
                Map.of("unit", "orders-mysql-0"), JsonNode.class);
        assertThat(allocated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(allocated.getBody().get("address").asText()).isEqualTo("10.20.0.10");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode pool = http.getForObject("/api/v1/ip-pools/e2e-net", JsonNode.class);
            assertThat(pool.path("allocated").asInt()).isEqualTo(1);
            assertThat(pool.path("free").asInt()).isEqualTo(244);
        });
        JsonNode allocations = http.getForObject("/api/v1/ip-pools/e2e-net/allocations", JsonNode.class);
        assertThat(allocations.get("items").get(0).get("address").asText()).isEqualTo("10.20.0.10");

        try (EventTopicReader reader = new EventTopicReader(bootstrapServers, "seamless.events.ippool")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll("e2e-net").size() >= 2);
            assertThat(reader.poll("e2e-net")).extracting(EventTopicReader.Event::type).containsExactly(
                    "io.seamless.ippool.IpPoolCreated.v1", "io.seamless.ippool.AddressAllocated.v1");
        }
    }

    @Test
    void aClusterTravelsFromTheCommandApiThroughKafkaToTheReadSide() {
        assertThat(http.postForEntity("/api/v1/ip-pools", Map.of("name", "e2e-cluster-net", "cidr", "10.21.0.0/24",
                "gateway", "10.21.0.1", "cniMode", "calico", "network", "calico-pool-b"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> registered = http.postForEntity("/api/v1/clusters", Map.of("name", "e2e-1",
                "site", "beijing", "zone", "a", "labels", Map.of("tier", "gold"),
                "capacity", Map.of("cpu", "64", "memory", "256Gi", "storage", "10Ti"),
                "ipPools", new String[] {"e2e-cluster-net"}), JsonNode.class);
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        http.put("/api/v1/clusters/e2e-1/capacity", Map.of("cpu", "96", "memory", "0.375Ti", "storage", "10Ti"));
        assertThat(http.postForEntity("/api/v1/clusters/e2e-1/cordon", null, JsonNode.class).getBody()
                .path("version").asInt()).isEqualTo(2);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode cluster = http.getForObject("/api/v1/clusters/e2e-1", JsonNode.class);
            assertThat(cluster.path("version").asInt()).isEqualTo(2);
            assertThat(cluster.path("cordoned").asBoolean()).isTrue();
            assertThat(cluster.at("/capacity/memory").asText()).isEqualTo("384Gi");
        });
        try (EventTopicReader reader = new EventTopicReader(bootstrapServers, "seamless.events.cluster")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll("e2e-1").size() >= 3);
            assertThat(reader.poll("e2e-1")).extracting(EventTopicReader.Event::subject, EventTopicReader.Event::type)
                    .containsExactly(tuple("e2e-1", "io.seamless.cluster.ClusterRegistered.v1"),
                            tuple("e2e-1", "io.seamless.cluster.ClusterCapacityUpdated.v1"),
                            tuple("e2e-1", "io.seamless.cluster.ClusterCordoned.v1"));
        }
    }

    @Test
    void servesTheOpenApiDocumentAndSwaggerUi() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);
        assertThat(api.get("paths").has("/api/v1/ip-pools")).isTrue();
        assertThat(api.get("paths").has("/api/v1/ip-pools/{pool}/allocations/{unit}")).isTrue();
        assertThat(api.get("paths").has("/api/v1/clusters")).isTrue();
        assertThat(api.get("paths").has("/api/v1/clusters/{cluster}/capacity")).isTrue();
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
