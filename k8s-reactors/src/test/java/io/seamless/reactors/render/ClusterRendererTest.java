package io.seamless.reactors.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.seamless.reactors.cni.CniStrategies;
import io.seamless.reactors.cni.SriovSettings;
import io.seamless.reactors.desired.DesiredState;
import io.seamless.reactors.desired.DesiredStateReader;
import io.seamless.reactors.desired.InvalidDesiredStateException;
import io.seamless.reactors.unit.Unit;
import io.seamless.reactors.unit.UnitSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The hand-written MySQL document of {@code desired/orders-db.json}, object by object. */
class ClusterRendererTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ClusterRenderer renderer = new ClusterRenderer(CniStrategies.standard(SriovSettings.defaults()));
    private final List<String> asked = new ArrayList<>();
    private final CredentialSource source = (secret, key) -> {
        asked.add(secret + "/" + key.name() + ":" + key.kind());
        return "value-of-" + key.name();
    };

    @Test
    void rendersExactlyTheObjectsOfTheClustersUnits() throws IOException {
        ClusterObjects objects = renderer.render(document(d -> { }), "bj-1", "db", source);

        assertThat(objects.all()).extracting(o -> o.getKind() + "/" + o.getMetadata().getName()).containsExactly(
                "Unit/orders-db-mysqld-0", "Unit/orders-db-router-0",
                "Service/orders-db-mysqld", "Service/orders-db-router",
                "ConfigMap/orders-db-mysqld-0-config",
                "Secret/orders-db-credentials");
        assertThat(objects.owners()).containsExactlyInAnyOrder(
                new OwnerLink("ConfigMap", "orders-db-mysqld-0-config", "orders-db-mysqld-0"),
                new OwnerLink("Service", "orders-db-mysqld", "orders-db-mysqld-0"),
                new OwnerLink("Service", "orders-db-router", "orders-db-mysqld-0"),
                new OwnerLink("Secret", "orders-db-credentials", "orders-db-mysqld-0"),
                new OwnerLink("Service", "orders-db-mysqld", "orders-db-router-0"),
                new OwnerLink("Service", "orders-db-router", "orders-db-router-0"),
                new OwnerLink("Secret", "orders-db-credentials", "orders-db-router-0"));
        assertThat(renderer.render(document(d -> { }), "gz-9", "db", source)).isEqualTo(ClusterObjects.none());
    }

    @Test
    void theUnitSpecCarriesContainerVolumeNetworkingAndConfig() throws IOException {
        UnitSpec spec = renderer.render(document(d -> { }), "bj-1", "db", source).units().get(0).getSpec();

        assertThat(spec.serviceGroup()).isEqualTo("orders-db");
        assertThat(spec.mainContainerName()).isEqualTo("mysqld");
        UnitSpec.Container main = spec.template().containers().get(0);
        assertThat(main.image()).isEqualTo("mysql/mysql-server:8.0.36");
        assertThat(main.ports()).containsExactly(new UnitSpec.ContainerPort("mysql", 3306),
                new UnitSpec.ContainerPort("gr", 33061));
        assertThat(main.resources().requests()).isEqualTo(Map.of("cpu", "2", "memory", "8Gi"))
                .isEqualTo(main.resources().limits());
        assertThat(main.volumeMounts()).containsExactly(new UnitSpec.VolumeMount("data", "/var/lib/seamless/data"));
        assertThat(spec.volumeClaims()).containsExactly(new UnitSpec.VolumeClaim("data", "fast-ssd", "100Gi"));
        assertThat(spec.networking()).isEqualTo(new UnitSpec.Networking("macvlan", "orders-macvlan",
                "networkClaim", "10.20.0.10", 24));
        assertThat(spec.configMapName()).isEqualTo("orders-db-mysqld-0-config");
        assertThat(spec.template().annotations()).isEqualTo(Map.of("seamless.io/restart-generation", "2"));
        assertThat(spec.stopped()).isFalse();
    }

    @Test
    void aUnitWithoutConfigOrStorageHasNoConfigMapNorClaim() throws IOException {
        Unit router = renderer.render(document(d -> { }), "bj-1", "db", source).units().get(1);

        assertThat(router.getSpec().configMapName()).isNull();
        assertThat(router.getSpec().volumeClaims()).isEmpty();
        assertThat(router.getSpec().networking()).isNull();
    }

    @Test
    void aStoppedGroupStillHasItsUnitsMarkedStoppedAndARestartChangesThePodTemplate() throws IOException {
        ClusterObjects stopped = renderer.render(document(d -> d.put("stopped", true).put("restartGeneration", 5)),
                "bj-1", "db", source);

        assertThat(stopped.units()).hasSize(2).allSatisfy(unit -> {
            assertThat(unit.getSpec().stopped()).isTrue();
            assertThat(unit.getSpec().template().annotations())
                    .containsEntry("seamless.io/restart-generation", "5");
        });
    }

    @Test
    void theHeadlessServiceHasTheDocumentsPorts() throws IOException {
        ClusterObjects objects = renderer.render(document(d -> { }), "bj-1", "db", source);

        assertThat(objects.services().get(1).getSpec().getPorts()).extracting(ServicePort::getName,
                ServicePort::getPort).containsExactly(org.assertj.core.groups.Tuple.tuple("rw", 6446),
                org.assertj.core.groups.Tuple.tuple("ro", 6447));
        ConfigMap config = objects.configMaps().get(0);
        assertThat(config.getData()).isEqualTo(Map.of("my.cnf", "[mysqld]\nserver_id = 1001\n"));
    }

    @Test
    void theSecretHoldsTheEnginesKeysFromTheSourceAndNothingGenerated() throws IOException {
        Secret secret = renderer.render(document(d -> { }), "bj-1", "db", source).secrets().get(0);

        assertThat(asked).containsExactly("orders-db-credentials/root-password:PASSWORD",
                "orders-db-credentials/replication-password:PASSWORD",
                "orders-db-credentials/admin-password:PASSWORD");
        assertThat(secret.getData()).hasSize(3);
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("root-password")),
                StandardCharsets.UTF_8)).isEqualTo("value-of-root-password");
        assertThat(secret.getMetadata().getLabels()).doesNotContainKeys("seamless.io/unit",
                "app.kubernetes.io/component");
        assertThat(Credentials.keys("kafka")).extracting(CredentialKey::kind)
                .contains(CredentialKey.Kind.CLUSTER_ID);
    }

    @Test
    void aCniModeThisReactorCannotPinIsRefusedNamingTheField() throws IOException {
        DesiredState document = document(d -> ((ObjectNode) d.get("units").get(0).get("networking"))
                .put("mode", "flannel"));

        assertThatThrownBy(() -> renderer.render(document, "bj-1", "db", source))
                .isInstanceOfSatisfying(InvalidDesiredStateException.class,
                        e -> assertThat(e.field()).isEqualTo("units[0].networking.mode"));
    }

    @Test
    void aConfigFileNameThatCannotBeAConfigMapKeyIsRefusedNamingTheField() throws IOException {
        DesiredState document = document(d -> ((ObjectNode) d.get("units").get(0).get("config").get(0))
                .put("name", "conf.d/my.cnf"));

        assertThatThrownBy(() -> renderer.render(document, "bj-1", "db", source))
                .isInstanceOfSatisfying(InvalidDesiredStateException.class,
                        e -> assertThat(e.field()).isEqualTo("units[0].config[0].name"));
    }

    @Test
    void ownerReferencesNeedEveryOwningUnitsUid() throws IOException {
        ClusterObjects objects = renderer.render(document(d -> { }), "bj-1", "db", source);

        assertThatThrownBy(() -> objects.withOwnerReferences(Map.of("orders-db-mysqld-0", "uid-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orders-db-router-0");
    }

    @Test
    void renderingIsDeterministic() throws IOException {
        ClusterObjects once = renderer.render(document(d -> { }), "bj-1", "db", source);
        ClusterObjects twice = renderer.render(document(d -> { }), "bj-1", "db", source);

        assertThat(JSON.writeValueAsString(once.all())).isEqualTo(JSON.writeValueAsString(twice.all()));
    }

    private static DesiredState document(Consumer<ObjectNode> change) throws IOException {
        try (InputStream in = ClusterRendererTest.class.getResourceAsStream("/desired/orders-db.json")) {
            ObjectNode document = (ObjectNode) JSON.readTree(in);
            change.accept(document);
            return DesiredStateReader.read(JSON.writeValueAsBytes(document));
        }
    }
}
