package io.seamless.reactors.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.seamless.reactors.cni.CniPinning;
import io.seamless.reactors.cni.CniStrategies;
import io.seamless.reactors.cni.SriovSettings;
import io.seamless.reactors.observation.Observation;
import io.seamless.reactors.observation.ObservationSink;
import io.seamless.reactors.reconcile.Backoff;
import io.seamless.reactors.reconcile.CrdInstaller;
import io.seamless.reactors.reconcile.CredentialGenerator;
import io.seamless.reactors.reconcile.GroupReconciler;
import io.seamless.reactors.reconcile.ReactorSettings;
import io.seamless.reactors.render.ClusterRenderer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Unit controller against the sandbox API server, the test playing the kubelet. */
@EnableKubernetesMockClient(crud = true)
class UnitControllerTest {

    static final String NAMESPACE = "db";
    static final String MYSQLD = "orders-db-mysqld-0";
    static final String ADDRESS = "10.20.0.10";

    KubernetesClient client;
    final List<Observation> observed = new CopyOnWriteArrayList<>();
    /** While true, a report that must be stored fails, as it would with Kafka down; each try is counted. */
    final AtomicBoolean storageDown = new AtomicBoolean();
    final AtomicInteger durableTries = new AtomicInteger();
    final ObservationSink sink = new ObservationSink() {
        @Override
        public void observe(Observation observation) {
            observed.add(observation);
        }

        @Override
        public void observeDurably(Observation observation) {
            durableTries.incrementAndGet();
            if (storageDown.get()) {
                throw new IllegalStateException("observation not stored: Kafka is down");
            }
            observe(observation);
        }
    };
    final TickingClock clock = new TickingClock(Instant.parse("2024-05-01T10:00:00Z"));
    GroupReconciler reactor;
    UnitController controller;

    @BeforeEach
    void setUp() {
        new CrdInstaller(client).install();
        CniStrategies cni = CniStrategies.standard(SriovSettings.defaults());
        reactor = new GroupReconciler(client, "bj-1", NAMESPACE, new ClusterRenderer(cni), new CredentialGenerator(),
                clock);
        controller = new UnitController(client, "bj-1", NAMESPACE, new UnitPodRenderer(cni), sink, clock,
                new ReactorSettings(1, new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1)),
                        Duration.ofMillis(500)));
        reactor.reconcileDocument("orders-db", Optional.of(Fixture.ORDERS_DB));
        controller.start();
    }

    @AfterEach
    void stop() {
        controller.stop();
    }

    @Test
    void createsThePinnedPodAndItsClaimAndHoldsTheUnit() {
        Pod pod = await().until(() -> pod(MYSQLD), p -> p != null);

        assertThat(pod.getMetadata().getAnnotations()).containsKey("k8s.v1.cni.cncf.io/networks")
                .hasEntrySatisfying("k8s.v1.cni.cncf.io/networks", networks -> assertThat(networks).contains(ADDRESS));
        assertThat(pod.getSpec().getContainers().get(0).getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("POD_IP");
            assertThat(env.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.podIP");
        });
        assertThat(pod.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(unit(MYSQLD).getMetadata().getUid()));
        await().until(() -> client.persistentVolumeClaims().inNamespace(NAMESPACE).withName("data-" + MYSQLD)
                .get() != null);
        await().until(() -> condition(MYSQLD, UnitStatus.ADDRESS_BOUND) != null);
        assertThat(unit(MYSQLD).getMetadata().getFinalizers()).containsExactly("seamless.io/address-release");
        assertThat(condition(MYSQLD, UnitStatus.READY).reason()).isEqualTo("PodNotReady");
        assertThat(condition(MYSQLD, UnitStatus.ADDRESS_BOUND).status()).isEqualTo("Unknown");
        assertThat(pod("orders-db-router-0")).isNotNull();
    }

    @Test
    void aPodTheKubeletReportsReadyMakesTheUnitReadyAndBoundAndIsObservedOnce() {
        await().until(() -> pod(MYSQLD) != null && condition(MYSQLD, UnitStatus.READY) != null);
        String notReadySince = condition(MYSQLD, UnitStatus.ADDRESS_BOUND).lastTransitionTime();
        clock.advance(Duration.ofMinutes(1));

        kubeletReportsReady(MYSQLD, ADDRESS);

        await().until(() -> "True".equals(condition(MYSQLD, UnitStatus.READY).status())
                && "True".equals(condition(MYSQLD, UnitStatus.ADDRESS_BOUND).status()));
        Unit unit = unit(MYSQLD);
        assertThat(unit.getStatus().phase()).isEqualTo(UnitStatus.RUNNING);
        assertThat(unit.getStatus().podIP()).isEqualTo(ADDRESS);
        assertThat(unit.getStatus().observedGeneration()).isEqualTo(unit.getMetadata().getGeneration());
        assertThat(condition(MYSQLD, UnitStatus.READY).lastTransitionTime()).isEqualTo("2024-05-01T10:01:00Z");
        assertThat(notReadySince).isEqualTo("2024-05-01T10:00:00Z");
        clock.advance(Duration.ofMinutes(1));
        await().during(Duration.ofMillis(1200)).until(() -> mysqldObservations().size() == 2);
        assertThat(mysqldObservations()).extracting(Observation::type)
                .containsExactlyInAnyOrder(Observation.Type.UNIT_READY, Observation.Type.ADDRESS_BOUND);
        assertThat(condition(MYSQLD, UnitStatus.READY).lastTransitionTime()).isEqualTo("2024-05-01T10:01:00Z");
    }

    @Test
    void aPodOnAnotherAddressIsNotBound() {
        await().until(() -> pod(MYSQLD) != null);

        kubeletReportsReady(MYSQLD, "10.99.0.1");

        await().until(() -> "AddressMismatch".equals(condition(MYSQLD, UnitStatus.ADDRESS_BOUND).reason()));
        assertThat(condition(MYSQLD, UnitStatus.ADDRESS_BOUND).status()).isEqualTo("False");
    }

    @Test
    void aStoppedGroupLosesItsPodsAndKeepsItsClaims() {
        await().until(() -> pod(MYSQLD) != null);
        kubeletReportsReady(MYSQLD, ADDRESS);
        await().until(() -> "True".equals(condition(MYSQLD, UnitStatus.READY).status()));

        reactor.reconcileDocument("orders-db", Optional.of(document("\"stopped\": false", "\"stopped\": true")));

        await().until(() -> pod(MYSQLD) == null && UnitStatus.STOPPED.equals(unit(MYSQLD).getStatus().phase()));
        assertThat(client.persistentVolumeClaims().inNamespace(NAMESPACE).withName("data-" + MYSQLD).get())
                .isNotNull();
        assertThat(condition(MYSQLD, UnitStatus.READY).reason()).isEqualTo("Stopped");
        await().until(() -> mysqldObservations().stream().anyMatch(o -> o.type() == Observation.Type.POD_GONE
                && o.reason().equals("Stopped")));
    }

    @Test
    void aRestartReplacesThePod() {
        String before = await().until(() -> pod(MYSQLD), p -> p != null).getMetadata().getUid();

        reactor.reconcileDocument("orders-db", Optional.of(document("\"restartGeneration\": 2",
                "\"restartGeneration\": 3")));

        Pod after = await().until(() -> pod(MYSQLD), p -> p != null && !p.getMetadata().getUid().equals(before));
        assertThat(after.getMetadata().getAnnotations()).containsEntry("seamless.io/restart-generation", "3");
    }

    @Test
    void aDeletedUnitKeepsItsFinalizerUntilItsPodIsGone() {
        await().until(() -> pod(MYSQLD) != null && !unit(MYSQLD).getMetadata().getFinalizers().isEmpty());
        // The kubelet's graceful termination: a Pod being deleted stays until the kubelet lets it go.
        client.pods().inNamespace(NAMESPACE).withName(MYSQLD).edit(pod -> {
            pod.getMetadata().getFinalizers().add("test.seamless.io/kubelet");
            return pod;
        });

        client.resources(Unit.class).inNamespace(NAMESPACE).withName(MYSQLD).delete();

        await().until(() -> pod(MYSQLD).getMetadata().getDeletionTimestamp() != null);
        await().during(Duration.ofMillis(1000)).until(() -> unit(MYSQLD) != null
                && unit(MYSQLD).getMetadata().getFinalizers().contains("seamless.io/address-release"));
        assertThat(observed).noneMatch(o -> o.type() == Observation.Type.UNIT_RELEASED);
        client.pods().inNamespace(NAMESPACE).withName(MYSQLD).edit(pod -> {
            pod.getMetadata().getFinalizers().clear();
            return pod;
        });

        await().until(() -> unit(MYSQLD) == null);
        assertThat(pod(MYSQLD)).isNull();
        assertThat(client.persistentVolumeClaims().inNamespace(NAMESPACE).withName("data-" + MYSQLD).get()).isNull();
        assertThat(mysqldObservations()).filteredOn(o -> o.type() == Observation.Type.UNIT_RELEASED).singleElement()
                .satisfies(o -> assertThat(o.message()).contains(ADDRESS));
        assertThat(pod("orders-db-router-0")).isNotNull();
    }

    @Test
    void aUnitAwaitingItsAddressGetsItsPodOnlyOnceTheAddressIsThere() throws Exception {
        String addressed = new String(Fixture.ORDERS_DB, StandardCharsets.UTF_8).replace("orders-db", "pay-db");
        String unaddressed = addressed.replace("\"address\": \"" + ADDRESS + "\"", "\"address\": null");
        assertThat(unaddressed).isNotEqualTo(addressed);
        reactor.reconcileDocument("pay-db", Optional.of(unaddressed.getBytes(StandardCharsets.UTF_8)));

        await().until(() -> condition("pay-db-mysqld-0", UnitStatus.READY) != null);
        assertThat(condition("pay-db-mysqld-0", UnitStatus.READY).reason()).isEqualTo(CniPinning.ADDRESS_NOT_ASSIGNED);
        await().during(Duration.ofMillis(700)).until(() -> pod("pay-db-mysqld-0") == null);
        reactor.reconcileDocument("pay-db", Optional.of(addressed.getBytes(StandardCharsets.UTF_8)));

        Pod pod = await().until(() -> pod("pay-db-mysqld-0"), p -> p != null);
        assertThat(pod.getMetadata().getAnnotations().get("k8s.v1.cni.cncf.io/networks")).contains(ADDRESS);
        String uid = pod.getMetadata().getUid();
        await().during(Duration.ofMillis(700)).until(() -> uid.equals(pod("pay-db-mysqld-0").getMetadata().getUid()));
    }

    @Test
    void aReleaseThatCannotBeReportedKeepsTheFinalizerUntilItIsStored() {
        await().until(() -> pod(MYSQLD) != null && !unit(MYSQLD).getMetadata().getFinalizers().isEmpty());
        storageDown.set(true);

        client.resources(Unit.class).inNamespace(NAMESPACE).withName(MYSQLD).delete();

        await().until(() -> pod(MYSQLD) == null && durableTries.get() >= 2);
        assertThat(unit(MYSQLD).getMetadata().getFinalizers()).contains("seamless.io/address-release");
        assertThat(observed).noneMatch(o -> o.type() == Observation.Type.UNIT_RELEASED);
        storageDown.set(false);

        await().until(() -> unit(MYSQLD) == null);
        assertThat(mysqldObservations()).filteredOn(o -> o.type() == Observation.Type.UNIT_RELEASED).singleElement()
                .satisfies(o -> assertThat(o.reason()).isEqualTo("PodGone"));
    }

    void kubeletReportsReady(String name, String podIP) {
        Pod pod = pod(name);
        pod.setStatus(new PodStatusBuilder().withPhase("Running").withPodIP(podIP)
                .withConditions(new PodConditionBuilder().withType("Ready").withStatus("True").build()).build());
        client.pods().inNamespace(NAMESPACE).resource(pod).updateStatus();
    }

    List<Observation> mysqldObservations() {
        return observed.stream().filter(o -> MYSQLD.equals(o.unit())).toList();
    }

    static byte[] document(String from, String to) {
        String document = new String(Fixture.ORDERS_DB, StandardCharsets.UTF_8);
        assertThat(document).contains(from);
        return document.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    Pod pod(String name) {
        return client.pods().inNamespace(NAMESPACE).withName(name).get();
    }

    Unit unit(String name) {
        return client.resources(Unit.class).inNamespace(NAMESPACE).withName(name).get();
    }

    UnitStatus.Condition condition(String name, String type) {
        Unit unit = unit(name);
        return unit == null ? null : UnitConditions.find(unit.getStatus(), type).orElse(null);
    }
}
