package io.seamless.reactors.unit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.seamless.reactors.cni.CniStrategies;
import io.seamless.reactors.cni.SriovSettings;
import io.seamless.reactors.desired.DesiredStateReader;
import io.seamless.reactors.render.ClusterRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checked-in manifest and the Java model agree: the sandbox API server accepts the CRD, Units round-trip
 * through it (spec and status subresource), and the schema names exactly the fields of the records, with their
 * JSON types. The mock does not validate against the schema (STACK.md, trap 9), hence the reflective comparison.
 */
@EnableKubernetesMockClient(crud = true)
class UnitCrdTest {

    private static final String NAMESPACE = "seamless";

    private static final Map<Type, String> JSON_TYPES = Map.of(String.class, "string", int.class, "integer",
            Integer.class, "integer", long.class, "integer", Long.class, "integer", boolean.class, "boolean");

    KubernetesClient client;

    @BeforeEach
    void installTheCrd() throws IOException {
        client.apiextensions().v1().customResourceDefinitions().resource(crd()).create();
    }

    @Test
    void theManifestDescribesTheJavaResource() throws IOException {
        CustomResourceDefinition crd = crd();

        assertThat(crd.getMetadata().getName()).isEqualTo(Unit.CRD_NAME).isEqualTo(new Unit().getCRDName());
        assertThat(crd.getSpec().getGroup()).isEqualTo(Unit.GROUP);
        assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
        assertThat(crd.getSpec().getNames().getKind()).isEqualTo(Unit.KIND);
        assertThat(crd.getSpec().getNames().getPlural()).isEqualTo(new Unit().getPlural());
        assertThat(version(crd).getName()).isEqualTo(Unit.VERSION);
        assertThat(version(crd).getSubresources().getStatus()).isNotNull();
        assertThat(version(crd).getAdditionalPrinterColumns()).extracting(c -> c.getName() + "=" + c.getJsonPath())
                .containsExactly("Group=.spec.serviceGroup", "Service=.spec.service",
                        "Address=.spec.networking.address", "Phase=.status.phase",
                        "Ready=.status.conditions[?(@.type==\"Ready\")].status", "Age=.metadata.creationTimestamp");
    }

    @Test
    void theSchemaNamesExactlyTheFieldsOfSpecAndStatusWithTheirTypes() throws IOException {
        Map<String, JSONSchemaProps> root = version(crd()).getSchema().getOpenAPIV3Schema().getProperties();

        assertSameFields(UnitSpec.class, root.get("spec"), "spec");
        assertSameFields(UnitStatus.class, root.get("status"), "status");
    }

    @Test
    void aFullyPopulatedUnitRoundTripsWithItsStatus() {
        Unit unit = UnitFixtures.mysqld(UnitFixtures.sriov(), true);
        unit.getMetadata().setUid(null);

        Unit created = client.resources(Unit.class).inNamespace(NAMESPACE).resource(unit).create();
        created.setStatus(new UnitStatus(UnitStatus.RUNNING, 1L, List.of(
                new UnitStatus.Condition(UnitStatus.READY, "True", "PodReady", "mysqld is up",
                        "2024-05-01T10:00:00Z", 1L),
                new UnitStatus.Condition(UnitStatus.ADDRESS_BOUND, "True", "Pinned", null,
                        "2024-05-01T09:59:00Z", 1L)), "10.20.0.10"));
        client.resources(Unit.class).inNamespace(NAMESPACE).resource(created).updateStatus();
        Unit read = client.resources(Unit.class).inNamespace(NAMESPACE).withName("orders-db-mysqld-0").get();

        assertThat(read.getSpec()).isEqualTo(unit.getSpec());
        assertThat(read.getStatus()).isEqualTo(created.getStatus());
        assertThat(read.getMetadata().getLabels()).isEqualTo(unit.getMetadata().getLabels());
        assertThat(read.getMetadata().getUid()).isNotBlank();
    }

    @Test
    void aRenderedUnitRoundTrips() {
        ClusterRenderer renderer = new ClusterRenderer(CniStrategies.standard(SriovSettings.defaults()));
        List<Unit> units = renderer.render(DesiredStateReader.read(Fixture.ORDERS_DB), "bj-1", NAMESPACE,
                (secret, key) -> "secret").units();

        units.forEach(unit -> client.resources(Unit.class).inNamespace(NAMESPACE).resource(unit).create());

        assertThat(client.resources(Unit.class).inNamespace(NAMESPACE).list().getItems())
                .extracting(Unit::getSpec).containsExactlyInAnyOrderElementsOf(
                        units.stream().map(Unit::getSpec).toList());
    }

    private static void assertSameFields(Class<?> type, JSONSchemaProps schema, String path) {
        Map<String, RecordComponent> components = Arrays.stream(type.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, component -> component));
        assertThat(schema.getType()).as(path).isEqualTo("object");
        assertThat(schema.getProperties().keySet()).as(path).containsExactlyInAnyOrderElementsOf(components.keySet());
        components.forEach((name, component) ->
                assertSameType(component.getGenericType(), schema.getProperties().get(name), path + "." + name));
    }

    private static void assertSameType(Type type, JSONSchemaProps schema, String path) {
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            assertThat(schema.getType()).as(path).isEqualTo("array");
            assertSameType(generic.getActualTypeArguments()[0], schema.getItems().getSchema(), path + "[]");
        } else if (type instanceof ParameterizedType generic && generic.getRawType() == Map.class) {
            assertThat(schema.getType()).as(path).isEqualTo("object");
            assertThat(schema.getAdditionalProperties().getSchema().getType()).as(path).isEqualTo("string");
        } else if (type instanceof Class<?> record && record.isRecord()) {
            assertSameFields(record, schema, path);
        } else {
            assertThat(schema.getType()).as(path).isEqualTo(JSON_TYPES.get(type));
        }
    }

    private static CustomResourceDefinitionVersion version(CustomResourceDefinition crd) {
        assertThat(crd.getSpec().getVersions()).hasSize(1);
        return crd.getSpec().getVersions().get(0);
    }

    static CustomResourceDefinition crd() throws IOException {
        try (InputStream yaml = UnitCrdTest.class.getResourceAsStream("/crds/units.seamless.io.yaml")) {
            return Serialization.unmarshal(yaml, CustomResourceDefinition.class);
        }
    }
}
