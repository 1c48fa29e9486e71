package io.seamless.reactors.reconcile;

import static io.seamless.reactors.reconcile.Documents.GROUP;
import static io.seamless.reactors.reconcile.Documents.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.seamless.reactors.observation.Observation;
import io.seamless.reactors.unit.Unit;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reactor between a feed of documents and the group reconciler: when it acts, what it reports. */
@EnableKubernetesMockClient(crud = true)
class ClusterReactorTest {

    private static final String CONFIG = "orders-db-mysqld-0-config";

    KubernetesClient client;
    private final List<Observation> observed = new CopyOnWriteArrayList<>();
    private ClusterReactor reactor;

    @BeforeEach
    void setUp() {
        new CrdInstaller(client).install();
        reactor = new ClusterReactor(GroupReconcilerTest.reconciler(client),
                new ReactorSettings(1, new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1)),
                        Duration.ofMillis(300)), observed::add, GroupReconcilerTest.CLOCK);
        reactor.start();
    }

    @AfterEach
    void stop() {
        reactor.stop();
    }

    @Test
    void nothingIsWrittenBeforeTheFeedHasCaughtUpThenTheLatestDocumentIs() {
        reactor.onDocument(GROUP, Optional.of(Documents.ordersDb()));
        reactor.onDocument(GROUP, Optional.of(Documents.without("orders-db-router-0")));

        await().during(Duration.ofMillis(700)).until(() -> units().isEmpty());
        reactor.onCaughtUp();

        await().until(() -> units().equals(List.of("orders-db-mysqld-0")));
    }

    @Test
    void aTombstoneDeletesTheGroupAndIsForgottenOnceDone() {
        reactor.onCaughtUp();
        reactor.onDocument(GROUP, Optional.of(Documents.ordersDb()));
        await().until(() -> units().size() == 2);

        reactor.onDocument(GROUP, Optional.empty());

        await().until(() -> units().isEmpty() && reactor.knownGroups().isEmpty());
    }

    @Test
    void theResyncRestoresADeletedConfigMapAndReportsTheDrift() {
        reactor.onCaughtUp();
        reactor.onDocument(GROUP, Optional.of(Documents.ordersDb()));
        await().until(() -> client.configMaps().inNamespace(NAMESPACE).withName(CONFIG).get() != null);

        client.configMaps().inNamespace(NAMESPACE).withName(CONFIG).delete();

        await().until(() -> client.configMaps().inNamespace(NAMESPACE).withName(CONFIG).get() != null);
        assertThat(observed).singleElement().satisfies(observation -> {
            assertThat(observation.type()).isEqualTo(Observation.Type.DRIFT_CORRECTED);
            assertThat(observation.group()).isEqualTo(GROUP);
            assertThat(observation.cluster()).isEqualTo("bj-1");
            assertThat(observation.message()).isEqualTo("ConfigMap " + CONFIG + ": recreated");
        });
    }

    @Test
    void anOrphanGroupIsDeletedOnceCaughtUp() {
        GroupReconcilerTest.reconciler(client).reconcileDocument("billing-db",
                Optional.of(Documents.renamed("billing-db")));
        reactor.onDocument(GROUP, Optional.of(Documents.ordersDb()));

        reactor.onCaughtUp();

        await().until(() -> units().equals(List.of("orders-db-mysqld-0", "orders-db-router-0")));
    }

    @Test
    void aRefusedDocumentIsReportedOnceAcrossResyncs() {
        reactor.onCaughtUp();
        reactor.onDocument(GROUP, Optional.of(Documents.ordersDb()));
        await().until(() -> units().size() == 2);

        reactor.onDocument(GROUP, Optional.of(Documents.ordersDb(document ->
                ((ObjectNode) document.withArray("units").get(0)).put("image", ""))));

        await().until(() -> !observed.isEmpty());
        await().during(Duration.ofMillis(800)).until(() -> observed.size() == 1);
        assertThat(observed.get(0).type()).isEqualTo(Observation.Type.DESIRED_STATE_INVALID);
        assertThat(observed.get(0).message()).isEqualTo("units[0].image: required but empty");
    }

    @Test
    void aStoppedReactorWritesNothingButKeepsCollecting() {
        reactor.stop();
        reactor.onCaughtUp();
        reactor.onDocument(GROUP, Optional.of(Documents.ordersDb()));

        await().during(Duration.ofMillis(700)).until(() -> units().isEmpty());
        reactor.start();

        await().until(() -> units().size() == 2);
    }

    private List<String> units() {
        return client.resources(Unit.class).inNamespace(NAMESPACE).list().getItems().stream()
                .map(unit -> unit.getMetadata().getName()).sorted().toList();
    }
}
