package io.seamless.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.seamless.reactors.unit.Unit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The whole loop on one machine, as the README's sandbox section walks it: every role in one server, the embedded
 * broker, and a sandbox API server for the registered cluster. A service group created over HTTP becomes Units and
 * Pods pinned to their addresses in the sandbox (read through the kubeconfig the server wrote, as kubectl would);
 * a Pod reported ready, as a kubelet would, becomes an observation on Kafka; deleting the group removes its Units.
 * A scaled-in unit's address goes back to its pool only once its Pod is gone from the sandbox.
 */
@SpringBootTest(classes = SeamlessServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seamless.data-dir=target/test-data/reactors-sandbox", "seamless.kafka.embedded.port=0",
            "seamless.service-groups.provisioning-poll=500ms", "seamless.reactors.resync=2s",
            "seamless.reactors.lease.duration=2s", "seamless.reactors.lease.renew-deadline=1500ms",
            "seamless.reactors.lease.retry-period=200ms"})
class ReactorsSandboxEndToEndTest {

    private static final String DATA = "target/test-data/reactors-sandbox";
    private static final String NAMESPACE = "seamless";
    private static final Duration LONG = Duration.ofSeconds(90);
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

    @Test
    void aServiceGroupBecomesPinnedPodsInTheSandboxReportsReadinessAndIsRemovedAgain() throws IOException {
        created("/api/v1/ip-pools", Map.of("name", "sandbox-net", "cidr", "10.40.0.0/24", "gateway", "10.40.0.1",
                "cniMode", "calico", "network", "calico-sandbox"));
        created("/api/v1/clusters", Map.of("name", "sandbox-1", "site", "beijing", "zone", "a",
                "capacity", Map.of("cpu", "64", "memory", "256Gi", "storage", "10Ti"),
                "ipPools", List.of("sandbox-net")));
        assertThat(http.postForEntity("/api/v1/service-groups", Map.of("name", "cache-db", "engine", "redis",
                "version", "7.2.4", "topology", "sentinel", "services", Map.of(
                        "redis", Map.of("replicas", 2, "ipPool", "sandbox-net"),
                        "sentinel", Map.of("replicas", 3, "ipPool", "sandbox-net"))), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        Path kubeconfig = Path.of(DATA, "sandbox", "sandbox-1.kubeconfig");
        await().atMost(LONG).until(() -> Files.exists(kubeconfig));
        try (KubernetesClient sandbox = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null,
                Files.readString(kubeconfig), kubeconfig.toString())).build()) {
            List<Unit> units = await().atMost(LONG).until(() -> units(sandbox), found -> found.size() == 5
                    && found.stream().allMatch(unit -> pinnedPod(sandbox, unit) != null));
            Unit first = units.get(0);
            String address = first.getSpec().networking().address();
            assertThat(address).startsWith("10.40.0.");

            reportReady(sandbox, pinnedPod(sandbox, first), address);

            JsonNode ready = awaitObservation(first.getMetadata().getName(), "UNIT_READY");
            assertThat(ready.path("cluster").asText()).isEqualTo("sandbox-1");
            assertThat(ready.path("group").asText()).isEqualTo("cache-db");

            http.delete("/api/v1/service-groups/cache-db");

            await().atMost(LONG).until(() -> units(sandbox).isEmpty());
        }
    }

    @Test
    void aScaledInUnitsAddressIsReleasedOnlyOnceItsPodIsGone() throws IOException {
        createQueueDb();
        String removed = "queue-db-redis-2";
        Path kubeconfig = Path.of(DATA, "sandbox", "sandbox-2.kubeconfig");
        await().atMost(LONG).until(() -> Files.exists(kubeconfig));
        try (KubernetesClient sandbox = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null,
                Files.readString(kubeconfig), kubeconfig.toString())).build()) {
            await().atMost(LONG).until(() -> units(sandbox), found -> found.size() == 6
                    && found.stream().allMatch(unit -> pinnedPod(sandbox, unit) != null));
            String address = await().atMost(LONG).until(() -> allocatedTo("release-net", removed), Objects::nonNull);
            assertThat(address).startsWith("10.41.0.");
            // The kubelet's graceful termination: a Pod being deleted stays until the kubelet lets it go.
            kubeletFinalizer(sandbox, removed, true);

            assertThat(http.postForEntity("/api/v1/service-groups/queue-db/operations", Map.of("type", "ScaleIn",
                    "service", "redis", "replicas", 2), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

            await().atMost(LONG).until(() -> terminating(sandbox.pods().inNamespace(NAMESPACE).withName(removed)
                    .get()) && terminating(sandbox.resources(Unit.class).inNamespace(NAMESPACE).withName(removed)
                    .get()));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> address.equals(allocatedTo("release-net", removed)));

            kubeletFinalizer(sandbox, removed, false);

            await().atMost(LONG).until(() -> allocatedTo("release-net", removed) == null);
            assertThat(sandbox.resources(Unit.class).inNamespace(NAMESPACE).withName(removed).get()).isNull();
            assertThat(units(sandbox)).hasSize(5);
        }
    }

    /** A redis group of 3 + 3 sentinels in a pool of its own on a cluster (hence a sandbox) of its own. */
    private void createQueueDb() {
        created("/api/v1/ip-pools", Map.of("name", "release-net", "cidr", "10.41.0.0/24", "gateway", "10.41.0.1",
                "cniMode", "calico", "network", "calico-release"));
        created("/api/v1/clusters", Map.of("name", "sandbox-2", "site", "beijing", "zone", "b",
                "capacity", Map.of("cpu", "64", "memory", "256Gi", "storage", "10Ti"),
                "ipPools", List.of("release-net")));
        assertThat(http.postForEntity("/api/v1/service-groups", Map.of("name", "queue-db", "engine", "redis",
                "version", "7.2.4", "topology", "sentinel", "services", Map.of(
                        "redis", Map.of("replicas", 3, "ipPool", "release-net"),
                        "sentinel", Map.of("replicas", 3, "ipPool", "release-net"))), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    /** Adds or removes the finalizer a kubelet's graceful termination amounts to: the sandbox has no kubelet. */
    private static void kubeletFinalizer(KubernetesClient sandbox, String pod, boolean present) {
        sandbox.pods().inNamespace(NAMESPACE).withName(pod).edit(edited -> {
            edited.getMetadata().getFinalizers().remove("test.seamless.io/kubelet");
            if (present) {
                edited.getMetadata().getFinalizers().add("test.seamless.io/kubelet");
            }
            return edited;
        });
    }

    /** The address the pool's read model shows for the unit; null when it holds none. */
    private String allocatedTo(String pool, String unit) {
        for (JsonNode allocation : http.getForObject("/api/v1/ip-pools/" + pool + "/allocations", JsonNode.class)
                .path("items")) {
            if (unit.equals(allocation.path("unit").asText())) {
                return allocation.path("address").asText();
            }
        }
        return null;
    }

    private static boolean terminating(HasMetadata object) {
        return object != null && object.getMetadata().getDeletionTimestamp() != null;
    }

    private static List<Unit> units(KubernetesClient sandbox) {
        return sandbox.resources(Unit.class).inNamespace(NAMESPACE).list().getItems();
    }

    /** The Unit's Pod when it carries Calico's pinning annotation with the unit's address; else null. */
    private static Pod pinnedPod(KubernetesClient sandbox, Unit unit) {
        Pod pod = sandbox.pods().inNamespace(NAMESPACE).withName(unit.getMetadata().getName()).get();
        if (pod == null || pod.getMetadata().getAnnotations() == null) {
            return null;
        }
        String pinned = pod.getMetadata().getAnnotations().get("cni.projectcalico.org/ipAddrs");
        return pinned != null && pinned.contains("\"" + unit.getSpec().networking().address() + "\"") ? pod : null;
    }

    /** What a kubelet writes once the Pod runs: its address and Ready=True. */
    private static void reportReady(KubernetesClient sandbox, Pod pod, String address) {
        pod.setStatus(new PodStatusBuilder().withPhase("Running").withPodIP(address)
                .withConditions(new PodConditionBuilder().withType("Ready").withStatus("True").build()).build());
        sandbox.pods().inNamespace(NAMESPACE).resource(pod).updateStatus();
    }

    private JsonNode awaitObservation(String unit, String type) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "reactors-e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("seamless.observations"));
            JsonNode[] found = new JsonNode[1];
            await().atMost(LONG).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode observation = read(record.value());
                    if (unit.equals(record.key()) && type.equals(observation.path("type").asText())) {
                        found[0] = observation;
                    }
                }
                return found[0] != null;
            });
            return found[0];
        }
    }

    private void created(String path, Object body) {
        assertThat(http.postForEntity(path, body, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
