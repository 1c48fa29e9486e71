package io.seamless.reactors.reconcile;

import static io.seamless.reactors.reconcile.Documents.GROUP;
import static io.seamless.reactors.reconcile.Documents.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.seamless.reactors.cni.CniStrategies;
import io.seamless.reactors.cni.SriovSettings;
import io.seamless.reactors.render.ClusterRenderer;
import io.seamless.reactors.unit.SeamlessLabels;
import io.seamless.reactors.unit.Unit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The group reconciler against the sandbox API server: create, converge, scale in, delete. */
@EnableKubernetesMockClient(crud = true)
class GroupReconcilerTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);

    KubernetesClient client;
    KubernetesMockServer server;
    private GroupReconciler reconciler;
    private Requests requests;

    @BeforeEach
    void setUp() {
        new CrdInstaller(client).install();
        reconciler = reconciler(client);
        requests = new Requests(server);
    }

    static GroupReconciler reconciler(KubernetesClient client) {
        return new GroupReconciler(client, Documents.CLUSTER, NAMESPACE,
                new ClusterRenderer(CniStrategies.standard(SriovSettings.defaults())), new CredentialGenerator(),
                CLOCK);
    }

    @Test
    void createsTheClustersObjectsWithOwnerReferencesHoldingTheUnitsUids() {
        ReconcileResult result = reconciler.reconcileDocument(GROUP, Optional.of(Documents.ordersDb()));

        assertThat(result.outcome()).isEqualTo(ReconcileResult.Outcome.APPLIED);
        assertThat(result.changes()).extracting(change -> change.kind() + "/" + change.name() + " " + change.action())
                .containsExactly("Unit/orders-db-mysqld-0 CREATED", "Unit/orders-db-router-0 CREATED",
                        "Service/orders-db-mysqld CREATED", "Service/orders-db-router CREATED",
                        "ConfigMap/orders-db-mysqld-0-config CREATED", "Secret/orders-db-credentials CREATED");
        String mysqld = uid(Unit.class, "orders-db-mysqld-0");
        String router = uid(Unit.class, "orders-db-router-0");
        assertThat(mysqld).isNotBlank().isNotEqualTo(router);
        assertThat(owners(ConfigMap.class, "orders-db-mysqld-0-config")).containsExactly("orders-db-mysqld-0=" + mysqld);
        assertThat(owners(Service.class, "orders-db-mysqld")).containsExactlyInAnyOrder(
                "orders-db-mysqld-0=" + mysqld, "orders-db-router-0=" + router);
        assertThat(owners(Secret.class, "orders-db-credentials")).containsExactlyInAnyOrder(
                "orders-db-mysqld-0=" + mysqld, "orders-db-router-0=" + router);
        assertThat(client.resources(Unit.class).inNamespace(NAMESPACE).withName("orders-db-mysqld-0").get()
                .getSpec().networking().address()).isEqualTo("10.20.0.10");
    }

    @Test
    void aSecondReconcileOfTheSameDocumentWritesNothing() {
        reconciler.reconcileDocument(GROUP, Optional.of(Documents.ordersDb()));
        Map<String, String> versions = resourceVersions();
        requests.reset();

        ReconcileResult again = reconciler.reconcileDocument(GROUP, Optional.of(Documents.ordersDb()));

        assertThat(again.changes()).isEmpty();
        assertThat(again.corrections()).isEmpty();
        assertThat(requests.writes()).isEmpty();
        assertThat(resourceVersions()).isEqualTo(versions);
    }

    @Test
    void scalingInDeletesTheRemovedUnitsObjectsAndKeepsTheOthers() {
        reconciler.reconcileDocument(GROUP, Optional.of(Documents.ordersDb()));

        ReconcileResult result = reconciler.reconcileDocument(GROUP,
                Optional.of(Documents.without("orders-db-router-0")));

        assertThat(result.changes()).extracting(change -> change.kind() + "/" + change.name() + " " + change.action())
                .containsExactlyInAnyOrder("Unit/orders-db-router-0 DELETED", "Service/orders-db-router DELETED",
                        "Service/orders-db-mysqld UPDATED", "Secret/orders-db-credentials UPDATED");
        assertThat(names()).containsExactlyInAnyOrder("Unit/orders-db-mysqld-0", "Service/orders-db-mysqld",
                "ConfigMap/orders-db-mysqld-0-config", "Secret/orders-db-credentials");
        assertThat(owners(Secret.class, "orders-db-credentials"))
                .containsExactly("orders-db-mysqld-0=" + uid(Unit.class, "orders-db-mysqld-0"));
    }

    @Test
    void aDeletedGroupLosesEverythingAndAnotherGroupNothing() {
        reconciler.reconcileDocument(GROUP, Optional.of(Documents.ordersDb()));
        reconciler.reconcileDocument("billing-db", Optional.of(Documents.renamed("billing-db")));
        Map<String, String> billing = resourceVersions("billing-db");

        ReconcileResult result = reconciler.reconcileDocument(GROUP, Optional.empty());

        assertThat(result.changes()).hasSize(6).allMatch(change -> change.action() == Change.Action.DELETED);
        assertThat(names()).isEmpty();
        assertThat(billing).hasSize(6);
        assertThat(resourceVersions("billing-db")).isEqualTo(billing);
        assertThat(reconciler.liveGroups()).containsExactly("billing-db");
    }

    @Test
    void aDocumentUnderAnotherKeyIsRefused() {
        ReconcileResult result = reconciler.reconcileDocument("billing-db", Optional.of(Documents.ordersDb()));

        assertThat(result.outcome()).isEqualTo(ReconcileResult.Outcome.INVALID_DESIRED_STATE);
        assertThat(result.problem()).startsWith("name:");
        assertThat(client.resources(Unit.class).inNamespace(NAMESPACE).list().getItems()).isEmpty();
    }

    private String uid(Class<? extends HasMetadata> type, String name) {
        return client.resources(type).inNamespace(NAMESPACE).withName(name).get().getMetadata().getUid();
    }

    private List<String> owners(Class<? extends HasMetadata> type, String name) {
        List<OwnerReference> references = client.resources(type).inNamespace(NAMESPACE).withName(name).get()
                .getMetadata().getOwnerReferences();
        return references.stream().map(reference -> reference.getName() + "=" + reference.getUid()).toList();
    }

    private List<String> names() {
        return objects(GROUP).map(object -> object.getKind() + "/" + object.getMetadata().getName()).toList();
    }

    private Map<String, String> resourceVersions() {
        return resourceVersions(GROUP);
    }

    private Map<String, String> resourceVersions(String group) {
        return objects(group).collect(Collectors.toMap(
                object -> object.getKind() + "/" + object.getMetadata().getName(),
                object -> object.getMetadata().getResourceVersion()));
    }

    private Stream<HasMetadata> objects(String group) {
        Map<String, String> labels = Map.of(SeamlessLabels.SERVICE_GROUP, group);
        return Stream.of(Unit.class, Service.class, ConfigMap.class, Secret.class).flatMap(type -> client
                .resources(type).inNamespace(NAMESPACE).withLabels(labels).list().getItems().stream());
    }
}
