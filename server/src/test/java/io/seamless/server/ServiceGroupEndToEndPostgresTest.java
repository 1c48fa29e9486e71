package io.seamless.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.seamless.reactors.unit.Unit;
import io.seamless.schemas.DesiredStateSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A database from command to desired state on the real parts: every role in one server, the event
 * store on PostgreSQL (embedded binaries), the embedded Kafka broker. A service group created over
 * HTTP is placed on registered clusters, gets its addresses from the pool, and its complete
 * desired-state document (rendered configuration included, valid against its schema) arrives on
 * the compacted topic; deleting it publishes a tombstone and gives every address back, once the sandboxes' reactors
 * (every role runs) report each unit's Pod gone.
 */
@SpringBootTest(classes = SeamlessServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seamless.data-dir=target/test-data/service-group-e2e", "seamless.kafka.embedded.port=0",
            "seamless.service-groups.provisioning-poll=500ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ServiceGroupEndToEndPostgresTest {

    private static final String DATA = "target/test-data/service-group-e2e";
    private static final List<String> CLUSTERS = List.of("e2e-bj-1", "e2e-bj-2", "e2e-sh-1");
    private static final EmbeddedPostgres POSTGRES = start();
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        TestData.wipe(DATA);
    }

    private TestRestTemplate http;
    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Autowired
    void callAsAdmin(TestRestTemplate template) {
        this.http = TestCaller.asAdmin(template);
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
    }

    /**
     * The database goes with the server: closed while the context is destroyed, after its processors have
     * stopped (lifecycle stop comes first), never under a running server retrying against it.
     */
    @TestConfiguration
    static class PostgresLifetime {
        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() {
            return POSTGRES;
        }
    }

    @Test
    void aServiceGroupTravelsFromTheCommandApiToItsDesiredStateRecordAndBack() {
        poolAndThreeClusters();
        ResponseEntity<JsonNode> accepted = http.postForEntity("/api/v1/service-groups", Map.of("name", "e2e-db",
                "engine", "mysql", "version", "8.0.36", "topology", "innodb-cluster", "services", Map.of(
                        "mysqld", Map.of("replicas", 3, "resources", Map.of("cpu", "2", "memory", "8Gi"),
                                "storage", Map.of("size", "100Gi"), "ipPool", "e2e-db-net"),
                        "router", Map.of("replicas", 2, "ipPool", "e2e-db-net"))), JsonNode.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getHeaders().getLocation()).hasPath("/api/v1/service-groups/e2e-db/operations/"
                + accepted.getBody().path("operationId").asText());

        try (KafkaConsumer<String, byte[]> desiredState = desiredStateConsumer()) {
            JsonNode document = awaitRecord(desiredState, "e2e-db", true);
            assertComplete(document);

            JsonNode operation = http.getForObject(accepted.getHeaders().getLocation().toString(), JsonNode.class);
            assertThat(operation.path("state").asText()).isEqualTo("Succeeded");
            // Addresses go back once each unit's Pod is reported gone: that takes Units the reactors hold.
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> heldUnits("e2e-db") == 5);

            http.delete("/api/v1/service-groups/e2e-db");
            assertThat(awaitRecord(desiredState, "e2e-db", false)).isNull();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(http.getForObject(
                "/api/v1/ip-pools/e2e-db-net", JsonNode.class).path("allocated").asInt()).isZero());
    }

    @Test
    void aDatabasesHistoryShowsWhoDidWhatAndWhyAndTravelsInTime() {
        createHistoryDb();
        long before = awaitReady("hist-db", 5);
        Instant betweenOperations = Instant.now();
        assertThat(http.postForEntity("/api/v1/service-groups/hist-db/operations",
                Map.of("type", "ScaleOut", "service", "redis", "replicas", 3), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        long after = awaitReady("hist-db", 6);
        assertTimeline();
        JsonNode then = http.getForObject("/api/v1/service-groups/hist-db?asOf=" + betweenOperations, JsonNode.class);
        assertThat(then.path("units")).hasSize(5);
        assertThat(then.path("version").asLong()).isEqualTo(before);
        assertThat(http.getForObject("/api/v1/service-groups/hist-db?version=" + after, JsonNode.class)
                .path("units")).hasSize(6);
        assertThat(http.getForEntity("/api/v1/service-groups/hist-db?asOf=2001-01-01T00:00:00Z", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode diff = http.getForObject("/api/v1/service-groups/hist-db/diff?from=" + before + "&to=" + after,
                JsonNode.class);
        assertThat(diff.path("changes").findValuesAsText("path")).contains("/units[hist-db-redis-2]");

        String address = then.path("units").get(0).path("address").asText();
        JsonNode held = http.getForObject("/api/v1/ip-pools/hist-net/addresses/" + address + "/history", JsonNode.class);
        assertThat(held.path("items").get(0).path("data").path("unit").asText())
                .isEqualTo(then.path("units").get(0).path("id").asText());
    }

    private void createHistoryDb() {
        created("/api/v1/ip-pools", Map.of("name", "hist-net", "cidr", "10.31.0.0/24", "gateway", "10.31.0.1",
                "cniMode", "calico", "network", "calico-hist"));
        created("/api/v1/clusters", Map.of("name", "hist-1", "site", "beijing", "zone", "a",
                "capacity", Map.of("cpu", "64", "memory", "256Gi", "storage", "10Ti"), "ipPools", List.of("hist-net")));
        HttpHeaders why = new HttpHeaders();
        why.set("X-Seamless-Reason", "orders go live");
        why.set("X-Seamless-Ticket", "CHG-77");
        assertThat(http.postForEntity("/api/v1/service-groups", new HttpEntity<>(Map.of("name", "hist-db",
                "engine", "redis", "version", "7.2.4", "topology", "sentinel", "services", Map.of(
                        "redis", Map.of("replicas", 2, "ipPool", "hist-net"),
                        "sentinel", Map.of("replicas", 3, "ipPool", "hist-net"))), why), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    /** Who, why, under which change, with its hash; its units' addresses; paged without overlap. */
    private void assertTimeline() {
        JsonNode created = await().atMost(Duration.ofSeconds(60)).until(() -> http.getForObject(
                "/api/v1/service-groups/hist-db/history?type=io.seamless.servicegroup.ServiceGroupCreated.v1",
                JsonNode.class).path("items"), items -> items.size() == 1).get(0);
        assertThat(created.path("actor").asText()).isEqualTo("apitoken:bootstrap-admin");
        assertThat(created.path("reason").asText()).isEqualTo("orders go live");
        assertThat(created.path("ticket").asText()).isEqualTo("CHG-77");
        assertThat(created.path("hash").asText()).hasSize(64);
        await().atMost(Duration.ofSeconds(60)).until(() -> http.getForObject("/api/v1/service-groups/hist-db/history"
                + "?type=io.seamless.ippool.AddressAllocated.v1", JsonNode.class).path("items").size() == 6);
        JsonNode firstPage = http.getForObject("/api/v1/service-groups/hist-db/history?limit=2", JsonNode.class);
        assertThat(firstPage.path("items")).hasSize(2);
        JsonNode secondPage = http.getForObject("/api/v1/service-groups/hist-db/history?limit=2&after="
                + firstPage.path("next").asText(), JsonNode.class);
        assertThat(secondPage.path("items").get(0).path("id").asText())
                .isNotIn(firstPage.path("items").findValuesAsText("id"));
    }

    /** Waits until the group's read model is READY with this many units; answers its version then. */
    private long awaitReady(String group, int units) {
        return await().atMost(Duration.ofSeconds(90)).until(() -> http.getForObject("/api/v1/service-groups/" + group,
                JsonNode.class), detail -> detail.path("status").asText().equals("READY")
                && detail.path("units").size() == units).path("version").asLong();
    }

    private void poolAndThreeClusters() {
        created("/api/v1/ip-pools", Map.of("name", "e2e-db-net", "cidr", "10.30.0.0/24", "gateway", "10.30.0.1",
                "cniMode", "kube-ovn", "network", "ovn-orders"));
        for (String[] cluster : new String[][] {{CLUSTERS.get(0), "beijing", "a"}, {CLUSTERS.get(1), "beijing", "b"},
            {CLUSTERS.get(2), "shanghai", "a"}}) {
            created("/api/v1/clusters", Map.of("name", cluster[0], "site", cluster[1], "zone", cluster[2],
                    "capacity", Map.of("cpu", "64", "memory", "256Gi", "storage", "10Ti"),
                    "ipPools", List.of("e2e-db-net")));
        }
    }

    /** Valid, every unit addressed on the pool's CNI, members on three clusters, seeds rendered from their addresses. */
    private static void assertComplete(JsonNode document) {
        assertThat(DesiredStateSchema.load().validate(document)).isEmpty();
        assertThat(document.path("units")).hasSize(5);
        List<String> members = new ArrayList<>();
        for (JsonNode unit : document.path("units")) {
            assertThat(unit.path("address").asText()).startsWith("10.30.0.");
            assertThat(unit.path("networking").path("mode").asText()).isEqualTo("kube-ovn");
            if (unit.path("service").asText().equals("mysqld")) {
                members.add(unit.path("address").asText() + ":33061");
            }
        }
        assertThat(StreamSupport.stream(document.path("units").spliterator(), false)
                .filter(unit -> unit.path("service").asText().equals("mysqld"))
                .map(unit -> unit.path("cluster").asText()).distinct()).as("members on three clusters").hasSize(3);
        String myCnf = StreamSupport.stream(document.path("units").get(0).path("config").spliterator(), false)
                .filter(file -> file.path("name").asText().equals("my.cnf")).findFirst().orElseThrow()
                .path("content").asText();
        assertThat(myCnf).contains("group_replication_group_seeds").contains(members);
    }

    /** Units of the group in the three clusters' sandboxes that their Unit controller holds (finalizer added). */
    private static long heldUnits(String group) throws IOException {
        long held = 0;
        for (String cluster : CLUSTERS) {
            Path kubeconfig = Path.of(DATA, "sandbox", cluster + ".kubeconfig");
            try (KubernetesClient sandbox = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null,
                    Files.readString(kubeconfig), kubeconfig.toString())).build()) {
                held += sandbox.resources(Unit.class).inNamespace("seamless").list().getItems().stream()
                        .filter(unit -> group.equals(unit.getSpec().serviceGroup()) && unit.getMetadata()
                                .getFinalizers().contains("seamless.io/address-release")).count();
            }
        }
        return held;
    }

    private void created(String path, Object body) {
        assertThat(http.postForEntity(path, body, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    /** The first READY document of the group, or (wanting a tombstone) null once its tombstone arrived. */
    private static JsonNode awaitRecord(KafkaConsumer<String, byte[]> consumer, String group, boolean ready) {
        JsonNode[] found = new JsonNode[1];
        boolean[] seen = new boolean[1];
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (!group.equals(record.key())) {
                    continue;
                }
                // The pool's events are on another topic than the group's: a READY document may come before the
                // projection saw the pool, and the pool's arrival renders it again with the units' networking.
                if (ready && record.value() != null && "READY".equals(read(record.value()).path("status").asText())
                        && everyUnitHasNetworking(read(record.value()))) {
                    found[0] = read(record.value());
                    seen[0] = true;
                } else if (!ready && record.value() == null) {
                    seen[0] = true;
                }
            }
            return seen[0];
        });
        return found[0];
    }

    private static boolean everyUnitHasNetworking(JsonNode document) {
        for (JsonNode unit : document.path("units")) {
            if (unit.path("networking").path("mode").asText().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private KafkaConsumer<String, byte[]> desiredStateConsumer() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of("seamless.desired-state"));
        return consumer;
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }
}
