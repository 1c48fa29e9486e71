package io.seamless.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * What a platform team watches: the health with a component per part (probes need no token, details do), and
 * the Prometheus metrics of every role. Spring Boot's tests switch metrics export off unless asked: a server of
 * its own, with its own data directory.
 */
@SpringBootTest(classes = SeamlessServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seamless.data-dir=target/test-data/observability", "seamless.kafka.embedded.port=0"})
@AutoConfigureObservability(tracing = false)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ObservabilityTest {

    static {
        TestData.wipeOnce("target/test-data/observability");
    }

    @LocalServerPort
    private int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void healthHasAComponentPerPartAndProbesNeedNoToken() throws Exception {
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode health = json.readTree(get("/actuator/health", TestCaller.ADMIN_TOKEN).body());
            assertThat(health.path("components").fieldNames()).toIterable()
                    .contains("db", "kafka", "projections", "reactors");
            assertThat(health.at("/components/kafka/status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/projections/details/ippool/running").asBoolean()).isTrue();
            assertThat(health.at("/components/projections/status").asText()).isEqualTo("UP");
        });
    }

    @Test
    void prometheusShowsCommandsEventsLagAndFreeAddressesToCallersWithAToken() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        HttpResponse<String> created = post("/api/v1/ip-pools", "{\"name\": \"watch-net\", \"cidr\": \"10.94.0.0/29\","
                + " \"gateway\": \"10.94.0.1\", \"cniMode\": \"calico\", \"network\": \"calico-watch\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String metrics = get("/actuator/prometheus", TestCaller.ADMIN_TOKEN).body();
            assertThat(metrics)
                    .contains("seamless_commands_seconds_count{command=\"CreateIpPool\",outcome=\"accepted\"")
                    .contains("seamless_events_published_total{topic=\"seamless.events.ippool\"")
                    .contains("seamless_publisher_lag")
                    .contains("seamless_projection_lag{projection=\"ippool\",topic=\"seamless.events.ippool\"")
                    .contains("seamless_ippool_addresses_free{pool=\"watch-net\"} 5.0");
        });
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestCaller.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
