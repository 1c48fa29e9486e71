package io.seamless.reactors.reconcile;

import static io.seamless.reactors.reconcile.Documents.GROUP;
import static io.seamless.reactors.reconcile.Documents.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.seamless.reactors.unit.SeamlessLabels;
import io.seamless.reactors.unit.Unit;
import io.seamless.reactors.unit.UnitSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hand edits and deletions are undone by the next reconcile, and reported as corrections; real changes are not. */
@EnableKubernetesMockClient(crud = true)
class DriftTest {

    private static final String MYSQLD = "orders-db-mysqld-0";
    private static final String CONFIG = "orders-db-mysqld-0-config";

    KubernetesClient client;
    private GroupReconciler reconciler;

    @BeforeEach
    void converged() {
        new CrdInstaller(client).install();
        reconciler = GroupReconcilerTest.reconciler(client);
        reconciler.reconcileDocument(GROUP, Optional.of(Documents.ordersDb()));
    }

    @Test
    void aConfigMapDeletedByHandIsRecreatedAndReported() {
        ConfigMap before = client.configMaps().inNamespace(NAMESPACE).withName(CONFIG).get();
        client.configMaps().inNamespace(NAMESPACE).withName(CONFIG).delete();

        ReconcileResult result = reconciler.reconcileDocument(GROUP, Optional.of(Documents.ordersDb()));

        assertThat(result.corrections()).containsExactly(new Correction("ConfigMap", CONFIG, "recreated"));
        ConfigMap after = client.configMaps().inNamespace(NAMESPACE).withName(CONFIG).get();
        assertThat(after.getData()).isEqualTo(before.getData());
        assertThat(after.getMetadata().getOwnerReferences()).isEqualTo(before.getMetadata().getOwnerReferences());
    }

    @Test
    void aConfigMapsDataEditedByHandIsRestoredAndReported() {
        client.configMaps().inNamespace(NAMESPACE).withName(CONFIG)
                .edit(map -> { map.getData().put("my.cnf", "[mysqld]\nserver_id = 666\n"); return map; });

        ReconcileResult result = reconciler.reconcileDocument(GROUP, Optional.of(Documents.ordersDb()));

        assertThat(result.corrections()).containsExactly(new Correction("ConfigMap", CONFIG, "data"));
        assertThat(client.configMaps().inNamespace(NAMESPACE).withName(CONFIG).get().getData())
                .containsEntry("my.cnf", "[mysqld]\nserver_id = 1001\n");
    }

    @Test
    void aUnitsSpecAndLabelsEditedByHandAreRestoredAndReported() {
        Unit live = client.resources(Unit.class).inNamespace(NAMESPACE).withName(MYSQLD).get();
        UnitSpec spec = live.getSpec();
        Unit edited = Serialization.clone(live);
        edited.setSpec(new UnitSpec(spec.serviceGroup(), spec.service(), spec.shard(), spec.ordinal(),
                spec.mainContainerName(), spec.template(), spec.volumeClaims(), spec.networking(),
                spec.configMapName(), true));
        Map<String, String> labels = new HashMap<>(live.getMetadata().getLabels());
        labels.put(SeamlessLabels.COMPONENT, "hacked");
        edited.getMetadata().setLabels(labels);
        client.resources(Unit.class).inNamespace(NAMESPACE).resource(edited).update();

        ReconcileResult result = reconciler.reconcileDocument(GROUP, Optional.of(Documents.ordersDb()));

        assertThat(result.corrections()).containsExactly(new Correction("Unit", MYSQLD, "labels, spec"));
        Unit restored = client.resources(Unit.class).inNamespace(NAMESPACE).withName(MYSQLD).get();
        assertThat(restored.getSpec()).isEqualTo(spec);
        assertThat(restored.getMetadata().getLabels()).isEqualTo(live.getMetadata().getLabels());
        assertThat(restored.getMetadata().getUid()).isEqualTo(live.getMetadata().getUid());
    }

    @Test
    void aUnitWhoseGroupLabelWasRemovedIsFoundByNameAndRestored() {
        client.resources(Unit.class).inNamespace(NAMESPACE).withName(MYSQLD).edit(unit -> {
            unit.getMetadata().getLabels().remove(SeamlessLabels.SERVICE_GROUP);
            return unit;
        });

        ReconcileResult result = reconciler.reconcileDocument(GROUP, Optional.of(Documents.ordersDb()));

        assertThat(result.corrections()).containsExactly(new Correction("Unit", MYSQLD, "labels"));
        assertThat(client.resources(Unit.class).inNamespace(NAMESPACE).withName(MYSQLD).get().getMetadata()
                .getLabels()).containsEntry(SeamlessLabels.SERVICE_GROUP, GROUP);
    }

    @Test
    void aNewDocumentIsAChangeNotACorrection() {
        ReconcileResult result = reconciler.reconcileDocument(GROUP, Optional.of(Documents.ordersDb(document ->
                document.withArray("units").forEach(unit -> ((ObjectNode) unit)
                        .put("image", "mysql/mysql-server:8.0.37")))));

        assertThat(result.changes()).extracting(Change::name).contains(MYSQLD, "orders-db-router-0");
        assertThat(result.corrections()).isEmpty();
    }
}
