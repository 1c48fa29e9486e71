package io.seamless.reactors.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.seamless.reactors.unit.Unit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reactors role without Spring, on a real broker and sandboxes: clusters found on the cluster topic, the
 * desired state read whole, each cluster's own units written, a kubelet's report turned into an observation on
 * Kafka, a tombstone and a removal acted on, and nothing left running after the stop.
 */
class ReactorsRuntimeTest {

    private static final String NAMESPACE = "seamless";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path sandboxes;
    private ReactorsRuntime runtime;

    @BeforeAll
    static void topics() {
        TestBroker.createTopic(ReactorsRuntime.DESIRED_STATE_TOPIC, true);
        TestBroker.createTopic(ClusterDiscovery.TOPIC, false);
        TestBroker.createTopic(ObservationPublisher.TOPIC, false);
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.stop();
        }
    }

    @Test
    void eachRegisteredClusterGetsASandboxWithItsOwnUnitsUntilTheGroupOrTheClusterGoes() throws IOException {
        TestBroker.clusterEvent("bj-1", ClusterDiscovery.REGISTERED);
        TestBroker.clusterEvent("sh-1", ClusterDiscovery.REGISTERED);
        TestBroker.clusterEvent("gone-1", ClusterDiscovery.REGISTERED);
        TestBroker.clusterEvent("gone-1", ClusterDiscovery.REMOVED);
        TestBroker.send(ReactorsRuntime.DESIRED_STATE_TOPIC, "orders-db", ordersDb());

        runtime = new ReactorsRuntime(properties(), KafkaSettings.of(TestBroker.bootstrapServers()), sandboxes,
                Clock.systemUTC());
        runtime.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.runningClusters().equals(Set.of("bj-1", "sh-1")));
        assertThat(sandboxes.resolve("gone-1.kubeconfig")).doesNotExist();
        try (KubernetesClient bj = client("bj-1"); KubernetesClient sh = client("sh-1")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> units(bj).equals(List.of("orders-db-mysqld-0",
                    "orders-db-router-0")) && units(sh).equals(List.of("orders-db-mysqld-1")));

            reportReady(bj, "orders-db-mysqld-0", "10.20.0.10");
            JsonNode ready = awaitObservation("orders-db-mysqld-0", "UNIT_READY");
            assertThat(ready.path("cluster").asText()).isEqualTo("bj-1");
            assertThat(ready.path("group").asText()).isEqualTo("orders-db");
            assertThat(ready.path("reason").asText()).isEqualTo("PodReady");
            assertThat(ready.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");

            TestBroker.send(ReactorsRuntime.DESIRED_STATE_TOPIC, "orders-db", null);

            await().atMost(Duration.ofSeconds(30)).until(() -> units(bj).isEmpty() && units(sh).isEmpty());
            awaitObservation("orders-db-mysqld-0", "UNIT_RELEASED");
            // The contract: every record really published is valid against the published schema.
            List<ConsumerRecord<String, byte[]>> published = TestBroker.readAll(ObservationPublisher.TOPIC);
            assertThat(published).extracting(record -> json(record).path("type").asText())
                    .contains("UNIT_READY", "UNIT_RELEASED");
            published.forEach(record -> ObservationContractTest.assertValid(record.key(), record.value()));
        }
        TestBroker.clusterEvent("sh-1", ClusterDiscovery.REMOVED);

        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.runningClusters().equals(Set.of("bj-1")));
        assertThat(sandboxes.resolve("sh-1.kubeconfig")).doesNotExist();
        runtime.stop();
        assertThat(sandboxes.resolve("bj-1.kubeconfig")).doesNotExist();
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName).noneMatch(name -> name.startsWith("reactor") || name.startsWith("units-")
                        || name.startsWith("sandbox-")));
    }

    static ReactorsProperties properties() {
        return new ReactorsProperties(NAMESPACE, Duration.ofSeconds(1), 1, "test-replica", Map.of(),
                new ReactorsProperties.Sandbox(true, null), new ReactorsProperties.Lease(Duration.ofSeconds(2),
                        Duration.ofMillis(1500), Duration.ofMillis(200)), Duration.ofMillis(100),
                Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    private KubernetesClient client(String cluster) throws IOException {
        Path kubeconfig = sandboxes.resolve(cluster + ".kubeconfig");
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null, Files.readString(kubeconfig),
                kubeconfig.toString())).build();
    }

    private static List<String> units(KubernetesClient client) {
        return client.resources(Unit.class).inNamespace(NAMESPACE).list().getItems().stream()
                .map(unit -> unit.getMetadata().getName()).sorted().toList();
    }

    /** What a kubelet would write once the Pod runs: its address and Ready=True. */
    static void reportReady(KubernetesClient client, String pod, String address) {
        Pod live = await().atMost(Duration.ofSeconds(30)).until(() -> client.pods().inNamespace(NAMESPACE)
                .withName(pod).get(), found -> found != null);
        live.setStatus(new PodStatusBuilder().withPhase("Running").withPodIP(address)
                .withConditions(new PodConditionBuilder().withType("Ready").withStatus("True").build()).build());
        client.pods().inNamespace(NAMESPACE).resource(live).updateStatus();
    }

    private static JsonNode awaitObservation(String key, String type) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> TestBroker.readAll(ObservationPublisher.TOPIC)
                .stream().filter(record -> key.equals(record.key())).map(ReactorsRuntimeTest::json)
                .filter(node -> type.equals(node.path("type").asText())).findFirst().orElse(null),
                found -> found != null);
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] ordersDb() {
        try (InputStream in = ReactorsRuntimeTest.class.getResourceAsStream("/desired/orders-db.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
