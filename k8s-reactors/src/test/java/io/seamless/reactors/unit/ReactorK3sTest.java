package io.seamless.reactors.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.seamless.reactors.cni.CniStrategies;
import io.seamless.reactors.cni.SriovSettings;
import io.seamless.reactors.observation.ObservationSink;
import io.seamless.reactors.reconcile.Backoff;
import io.seamless.reactors.reconcile.CrdInstaller;
import io.seamless.reactors.reconcile.CredentialGenerator;
import io.seamless.reactors.reconcile.GroupReconciler;
import io.seamless.reactors.reconcile.ReactorSettings;
import io.seamless.reactors.reconcile.ReconcileResult;
import io.seamless.reactors.render.ClusterRenderer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The reactor against a real API server (K3s), where the sandbox cannot tell: a real server validates the Unit
 * against the CRD's schema, defaults fields, enforces owner references and finalizers. The CRD is installed by the
 * reactor's own installer, one desired-state document is reconciled, and the Unit controller turns its Unit into a
 * Pod pinned the CNI's way. Needs a Docker engine; without one the class is skipped (Testcontainers logs an ERROR
 * line when it looks for Docker and finds none: that line is expected here).
 */
@Testcontainers(disabledWithoutDocker = true)
class ReactorK3sTest {

    private static final String NAMESPACE = "db";
    private static final String MYSQLD = "orders-db-mysqld-0";
    private static final Duration SLOW = Duration.ofMinutes(2);

    @Container
    static final K3sContainer K3S = new K3sContainer(DockerImageName.parse("rancher/k3s:v1.28.8-k3s1"));

    private KubernetesClient client;
    private UnitController controller;

    @BeforeEach
    void connect() {
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(K3S.getKubeConfigYaml())).build();
    }

    @AfterEach
    void disconnect() {
        if (controller != null) {
            controller.stop();
        }
        client.close();
    }

    @Test
    void aDesiredStateDocumentBecomesAUnitItsServiceAndConfigMapAndAPodPinnedToItsAddress() {
        new CrdInstaller(client).install();
        await().atMost(SLOW).until(this::unitsServed);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata()
                .build()).create();
        CniStrategies cni = CniStrategies.standard(SriovSettings.defaults());
        GroupReconciler reactor = new GroupReconciler(client, "bj-1", NAMESPACE, new ClusterRenderer(cni),
                new CredentialGenerator(), Clock.systemUTC());

        ReconcileResult result = reactor.reconcileDocument("orders-db", Optional.of(Fixture.ORDERS_DB));
        controller = new UnitController(client, "bj-1", NAMESPACE, new UnitPodRenderer(cni), ObservationSink.NONE,
                Clock.systemUTC(), new ReactorSettings(1, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5)),
                        Duration.ofSeconds(30)));
        controller.start();

        assertThat(result.outcome()).isEqualTo(ReconcileResult.Outcome.APPLIED);
        Pod pod = await().atMost(SLOW).until(() -> client.pods().inNamespace(NAMESPACE).withName(MYSQLD).get(),
                found -> found != null);
        assertThat(pod.getMetadata().getAnnotations()).hasEntrySatisfying("k8s.v1.cni.cncf.io/networks",
                networks -> assertThat(networks).contains("10.20.0.10"));
        await().atMost(SLOW).until(() -> unit(MYSQLD).getMetadata().getFinalizers()
                .contains("seamless.io/address-release"));
        assertThat(unit(MYSQLD).getSpec().networking().address()).isEqualTo("10.20.0.10");
        Service service = client.services().inNamespace(NAMESPACE).withName("orders-db-mysqld").get();
        assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
        ConfigMap config = client.configMaps().inNamespace(NAMESPACE).withName(MYSQLD + "-config").get();
        assertThat(config.getData()).containsKey("my.cnf");
    }

    /** The API server serves Units once the CRD is established: listing them no longer fails. */
    private boolean unitsServed() {
        try {
            client.resources(Unit.class).inNamespace(NAMESPACE).list();
            return true;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private Unit unit(String name) {
        return client.resources(Unit.class).inNamespace(NAMESPACE).withName(name).get();
    }
}
