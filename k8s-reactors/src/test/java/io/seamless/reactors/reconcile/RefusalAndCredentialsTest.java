package io.seamless.reactors.reconcile;

import static io.seamless.reactors.reconcile.Documents.GROUP;
import static io.seamless.reactors.reconcile.Documents.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.seamless.reactors.render.CredentialKey.Kind;
import io.seamless.reactors.unit.Unit;
import io.seamless.reactors.unit.UnitConditions;
import io.seamless.reactors.unit.UnitStatus;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A refused document changes nothing but Ready; generated credentials are never rotated by a reconcile. */
@EnableKubernetesMockClient(crud = true)
class RefusalAndCredentialsTest {

    private static final String SECRET = "orders-db-credentials";

    KubernetesClient client;
    KubernetesMockServer server;
    private GroupReconciler reconciler;

    @BeforeEach
    void converged() {
        new CrdInstaller(client).install();
        reconciler = GroupReconcilerTest.reconciler(client);
        reconciler.reconcileDocument(GROUP, Optional.of(Documents.ordersDb()));
    }

    @Test
    void anInvalidDocumentMarksTheUnitsNotReadyAndTouchesNothingElse() {
        Requests requests = new Requests(server);
        requests.reset();

        ReconcileResult result = reconciler.reconcileDocument(GROUP, Optional.of(Documents.ordersDb(document ->
                ((ObjectNode) document.withArray("units").get(0).get("resources")).remove("cpu"))));

        assertThat(result.outcome()).isEqualTo(ReconcileResult.Outcome.INVALID_DESIRED_STATE);
        assertThat(result.problem()).isEqualTo("units[0].resources.cpu: required but missing");
        assertThat(requests.writes()).hasSize(2).allMatch(write -> write.startsWith("PUT ")
                && write.endsWith("/status"));
        for (Unit unit : client.resources(Unit.class).inNamespace(NAMESPACE).list().getItems()) {
            UnitStatus.Condition ready = UnitConditions.find(unit.getStatus(), UnitStatus.READY).orElseThrow();
            assertThat(ready.status()).isEqualTo("False");
            assertThat(ready.reason()).isEqualTo("InvalidDesiredState");
            assertThat(ready.message()).contains("units[0].resources.cpu");
            assertThat(ready.lastTransitionTime()).isEqualTo("2024-05-01T10:00:00Z");
        }
        assertThat(reconciler.reconcileDocument(GROUP, Optional.of("{not json".getBytes(StandardCharsets.UTF_8)))
                .problem()).startsWith("$: not JSON");
    }

    @Test
    void aValidDocumentAfterAnInvalidOneClearsTheMark() {
        reconciler.reconcileDocument(GROUP, Optional.of(Documents.ordersDb(document -> document.remove("engine"))));

        ReconcileResult result = reconciler.reconcileDocument(GROUP, Optional.of(Documents.ordersDb()));

        assertThat(result.outcome()).isEqualTo(ReconcileResult.Outcome.APPLIED);
        assertThat(client.resources(Unit.class).inNamespace(NAMESPACE).list().getItems())
                .allSatisfy(unit -> assertThat(UnitConditions.find(unit.getStatus(), UnitStatus.READY)
                        .orElseThrow().reason()).isEqualTo("DesiredStateAccepted"));
    }

    @Test
    void theGeneratedPasswordsSurviveReconciles() {
        Map<String, String> first = client.secrets().inNamespace(NAMESPACE).withName(SECRET).get().getData();

        reconciler.reconcileDocument(GROUP, Optional.of(Documents.ordersDb(document -> document.put("version", 8))));
        reconciler.reconcileDocument(GROUP, Optional.of(Documents.ordersDb()));

        Map<String, String> after = client.secrets().inNamespace(NAMESPACE).withName(SECRET).get().getData();
        assertThat(first.keySet()).containsExactlyInAnyOrder("root-password", "replication-password",
                "admin-password");
        assertThat(after).isEqualTo(first);
        assertThat(decoded(first.get("root-password"))).matches("[A-Za-z0-9]{32}")
                .isNotEqualTo(decoded(first.get("admin-password")));
    }

    @Test
    void aMissingKeyIsGeneratedAndTheOthersKept() {
        Map<String, String> first = client.secrets().inNamespace(NAMESPACE).withName(SECRET).get().getData();
        client.secrets().inNamespace(NAMESPACE).withName(SECRET).edit(secret -> {
            secret.getData().remove("admin-password");
            return secret;
        });

        reconciler.reconcileDocument(GROUP, Optional.of(Documents.ordersDb()));

        Secret after = client.secrets().inNamespace(NAMESPACE).withName(SECRET).get();
        assertThat(after.getData()).containsEntry("root-password", first.get("root-password"))
                .containsEntry("replication-password", first.get("replication-password"))
                .containsKey("admin-password");
        assertThat(after.getData().get("admin-password")).isNotEqualTo(first.get("admin-password"));
    }

    @Test
    void aStaleResourceVersionIsAConflictThatIsRetriedOnTheFreshObject() {
        ConfigMap stale = client.configMaps().inNamespace(NAMESPACE).withName("orders-db-mysqld-0-config").get();
        client.configMaps().inNamespace(NAMESPACE).resource(new ConfigMapBuilder(stale).editMetadata()
                .addToAnnotations("someone", "else").endMetadata().build()).update();
        ConfigMap desired = new ConfigMapBuilder(stale).withData(Map.of("my.cnf", "new")).build();

        ObjectApplier.Applied<ConfigMap> applied = new ObjectApplier(client, NAMESPACE)
                .apply(ManagedKinds.CONFIG_MAPS, desired, stale);

        assertThat(applied.action()).isEqualTo(Change.Action.UPDATED);
        ConfigMap live = client.configMaps().inNamespace(NAMESPACE).withName("orders-db-mysqld-0-config").get();
        assertThat(live.getData()).isEqualTo(Map.of("my.cnf", "new"));
        assertThat(live.getMetadata().getAnnotations()).containsEntry("someone", "else");
    }

    @Test
    void everyCredentialKindIsGeneratedInItsShape() {
        CredentialGenerator generator = new CredentialGenerator();

        assertThat(generator.generate(Kind.CLUSTER_ID))
                .matches("[A-Za-z0-9_-]{22}");
        assertThat(generator.generate(Kind.KEYFILE))
                .hasSize(1008).matches("[A-Za-z0-9+/]+");
        assertThat(List.of(generator.generate(Kind.PASSWORD),
                generator.generate(Kind.PASSWORD))).doesNotHaveDuplicates();
    }

    private static String decoded(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
