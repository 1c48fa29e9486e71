package io.seamless.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.seamless.reactors.unit.Unit;
import io.seamless.server.deploy.ApiRequests;
import io.seamless.server.deploy.Manifests;
import io.seamless.server.deploy.ReactorRbac;
import io.seamless.server.deploy.ReactorRbac.Permission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reactors' rights of deploy/kubernetes are enough for what their code really does: the server's reactors
 * reconcile a cluster whose API server (fabric8's mock, CRUD mode) was set up by the manifests and records every
 * request; a service group is created, scaled in (a Unit finalized: Pod and PVC deleted, finalizer removed) and
 * deleted, and every request the reactors sent must be one the manifests' Role and ClusterRole grant.
 */
@SpringBootTest(classes = SeamlessServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seamless.data-dir=target/test-data/reactor-rbac", "seamless.kafka.embedded.port=0",
            "seamless.reactors.sandbox.enabled=false", "seamless.service-groups.provisioning-poll=500ms",
            "seamless.reactors.resync=2s", "seamless.reactors.lease.duration=2s",
            "seamless.reactors.lease.renew-deadline=1500ms", "seamless.reactors.lease.retry-period=200ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(ReactorRbacEndToEndTest.ApiServerStopsLast.class)
class ReactorRbacEndToEndTest {

    private static final String DATA = "target/test-data/reactor-rbac";
    private static final String CLUSTER = "rbac-1";
    private static final String NAMESPACE = ReactorRbac.UNITS_NAMESPACE;
    /** The reactors' credentials in the kubeconfig: tells their requests from this test's own. */
    private static final String REACTOR_TOKEN = "seamless-reactors-token";
    private static final Duration LONG = Duration.ofSeconds(90);
    private static final KubernetesMockServer API = startApiServer();

    private TestRestTemplate http;
    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void reactorsReachTheCluster(DynamicPropertyRegistry registry) {
        registry.add("seamless.reactors.clusters." + CLUSTER + ".kubeconfig", () -> Path.of(DATA, CLUSTER
                + ".kubeconfig").toString());
    }

    @Autowired
    void callAsAdmin(TestRestTemplate template) {
        this.http = TestCaller.asAdmin(template);
    }

    @Test
    void everyRequestOfTheReactorsIsGrantedByTheManifestsAndNoMore() throws Exception {
        try (KubernetesClient admin = API.createClient()) {
            createGroupOnTheCluster();
            await().atMost(LONG).until(() -> admin.resources(Unit.class).inNamespace(NAMESPACE).list().getItems()
                    .size() == 6 && admin.pods().inNamespace(NAMESPACE).list().getItems().size() == 6);
            assertThat(admin.resources(PersistentVolumeClaim.class).inNamespace(NAMESPACE).list().getItems())
                    .isNotEmpty();

            assertThat(http.postForEntity("/api/v1/service-groups/rbac-db/operations", Map.of("type", "ScaleIn",
                    "service", "redis", "replicas", 2), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            await().atMost(LONG).until(() -> admin.resources(Unit.class).inNamespace(NAMESPACE)
                    .withName("rbac-db-redis-2").get() == null);

            http.delete("/api/v1/service-groups/rbac-db");
            await().atMost(LONG).until(() -> gone(admin, Unit.class) && gone(admin, Pod.class)
                    && gone(admin, Service.class) && gone(admin, ConfigMap.class) && gone(admin, Secret.class));
        }
        Set<Permission> used = reactorRequests();
        Set<Permission> granted;
        try (KubernetesClient parser = API.createClient()) {
            granted = ReactorRbac.granted(Manifests.load(parser), ReactorRbac.NAMESPACE, ReactorRbac.SERVICE_ACCOUNT);
        }
        assertThat(used.stream().filter(request -> granted.stream().noneMatch(right -> right.allows(request))))
                .as("requests the manifests would refuse").isEmpty();
        // The scenario did reach every kind of call: installer, election, group reconciler, Unit controller.
        assertThat(used.stream().map(request -> new Permission(request.namespace(), request.group(),
                request.resource(), request.verb(), "*").toString())).contains(
                "update apiextensions.k8s.io/customresourcedefinitions", "get core/namespaces",
                "create coordination.k8s.io/leases in seamless", "patch coordination.k8s.io/leases in seamless",
                "update seamless.io/units/status in seamless", "watch core/pods in seamless",
                "create core/persistentvolumeclaims in seamless", "delete core/persistentvolumeclaims in seamless",
                "delete core/secrets in seamless");
    }

    @Test
    void theProbesOfTheManifestsAnswerWithoutAToken() throws Exception {
        HttpClient anonymous = HttpClient.newHttpClient();
        for (String group : List.of("liveness", "readiness")) {
            HttpResponse<String> health = anonymous.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health/" + group)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(group).isEqualTo(200);
            assertThat(health.body()).as(group).contains("\"UP\"");
        }
    }

    private void createGroupOnTheCluster() {
        created("/api/v1/ip-pools", Map.of("name", "rbac-net", "cidr", "10.42.0.0/24", "gateway", "10.42.0.1",
                "cniMode", "calico", "network", "calico-rbac"));
        created("/api/v1/clusters", Map.of("name", CLUSTER, "site", "beijing", "zone", "a",
                "capacity", Map.of("cpu", "64", "memory", "256Gi", "storage", "10Ti"), "ipPools", List.of("rbac-net")));
        assertThat(http.postForEntity("/api/v1/service-groups", Map.of("name", "rbac-db", "engine", "redis",
                "version", "7.2.4", "topology", "sentinel", "services", Map.of(
                        "redis", Map.of("replicas", 3, "ipPool", "rbac-net", "storage", Map.of("size", "1Gi")),
                        "sentinel", Map.of("replicas", 3, "ipPool", "rbac-net"))), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    private void created(String path, Object body) {
        assertThat(http.postForEntity(path, body, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private static boolean gone(KubernetesClient admin, Class<? extends HasMetadata> type) {
        return admin.resources(type).inNamespace(NAMESPACE).withLabel("app.kubernetes.io/managed-by", "seamless")
                .list().getItems().isEmpty();
    }

    /** What the reactors asked the API server for so far, in RBAC terms. */
    private static Set<Permission> reactorRequests() throws InterruptedException {
        Set<Permission> used = new TreeSet<>();
        for (RecordedRequest request = API.takeRequest(0, TimeUnit.MILLISECONDS); request != null;
                request = API.takeRequest(0, TimeUnit.MILLISECONDS)) {
            if (("Bearer " + REACTOR_TOKEN).equals(request.getHeader("Authorization"))) {
                ApiRequests.permission(request.getMethod(), request.getPath()).ifPresent(used::add);
            }
        }
        return used;
    }

    /**
     * The cluster as {@code kubectl apply -k deploy/kubernetes} leaves it (the CRD and the namespaces among it), and
     * the reactors' kubeconfig for it.
     */
    private static KubernetesMockServer startApiServer() {
        TestData.wipe(DATA);
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()),
                new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        try (KubernetesClient admin = server.createClient()) {
            Manifests.load(admin).all().forEach(object -> admin.resource(object).create());
            Files.createDirectories(Path.of(DATA));
            Files.writeString(Path.of(DATA, CLUSTER + ".kubeconfig"), String.join("\n", "apiVersion: v1",
                    "kind: Config", "clusters:", "  - name: " + CLUSTER, "    cluster:",
                    "      server: " + server.url("/"), "users:", "  - name: seamless-reactors", "    user:",
                    "      token: " + REACTOR_TOKEN, "contexts:", "  - name: " + CLUSTER, "    context:",
                    "      cluster: " + CLUSTER, "      user: seamless-reactors", "current-context: " + CLUSTER, ""));
        } catch (IOException e) {
            server.destroy();
            throw new UncheckedIOException(e);
        }
        return server;
    }

    /** Stops the API server after everything else of the server, so that its reactors release their Lease first. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ApiServerStopsLast {

        @Bean
        SmartLifecycle apiServerStopsLast() {
            return new SmartLifecycle() {
                private volatile boolean running;

                @Override
                public void start() {
                    running = true;
                }

                @Override
                public void stop() {
                    running = false;
                    API.destroy();
                }

                @Override
                public boolean isRunning() {
                    return running;
                }

                @Override
                public int getPhase() {
                    return Integer.MIN_VALUE;
                }
            };
        }
    }
}
