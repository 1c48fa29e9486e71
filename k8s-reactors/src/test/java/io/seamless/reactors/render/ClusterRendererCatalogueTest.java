package io.seamless.reactors.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.seamless.domain.engine.EngineCatalogue;
import io.seamless.domain.engine.EngineTemplate;
import io.seamless.reactors.cni.CniStrategies;
import io.seamless.reactors.cni.SriovSettings;
import io.seamless.reactors.desired.DesiredState;
import io.seamless.reactors.desired.DesiredUnit;
import io.seamless.reactors.unit.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every engine template of the catalogue, rendered for one of the two clusters its units are spread over. */
class ClusterRendererCatalogueTest {

    private static final String GROUP = "shop";
    private static final String CLUSTER = "bj-1";
    private final ClusterRenderer renderer = new ClusterRenderer(CniStrategies.standard(SriovSettings.defaults()));

    static Stream<EngineTemplate> templates() {
        return EngineCatalogue.standard().templates().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void rendersTheObjectsOfThisClustersUnitsOnly(EngineTemplate template) {
        DesiredState document = CatalogueDocuments.document(template, GROUP);
        List<DesiredUnit> here = document.units().stream().filter(u -> u.cluster().equals(CLUSTER)).toList();

        ClusterObjects objects = renderer.render(document, CLUSTER, "db", (secret, key) -> "pw");

        assertThat(here).isNotEmpty().hasSizeLessThan(document.units().size());
        Set<String> expected = new TreeSet<>();
        here.forEach(unit -> expected.add("Unit/" + unit.id()));
        here.stream().filter(unit -> unit.config() != null)
                .forEach(unit -> expected.add("ConfigMap/" + unit.id() + "-config"));
        here.forEach(unit -> expected.add("Service/" + GROUP + "-" + unit.service()));
        expected.add("Secret/" + GROUP + "-credentials");
        assertThat(objects.all()).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(objects.configMaps()).as("the templates render files for addressed units").isNotEmpty();
        assertThat(objects.all()).allSatisfy(object -> assertThat(object.getMetadata().getNamespace())
                .isEqualTo("db"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void labelsEveryObjectAsTheGroupsAndItsUnitsAsTheirs(EngineTemplate template) {
        ClusterObjects objects = renderer.render(CatalogueDocuments.document(template, GROUP), CLUSTER, "db",
                (secret, key) -> "pw");

        assertThat(objects.all()).allSatisfy(object -> assertThat(object.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/name", template.engine())
                .containsEntry("app.kubernetes.io/instance", GROUP)
                .containsEntry("app.kubernetes.io/managed-by", "seamless")
                .containsEntry("app.kubernetes.io/part-of", "seamless")
                .containsEntry("seamless.io/service-group", GROUP));
        Stream.concat(objects.units().stream(), objects.configMaps().stream()).forEach(object -> {
            String unit = object.getMetadata().getName().replaceFirst("-config$", "");
            assertThat(object.getMetadata().getLabels()).containsEntry("seamless.io/unit", unit)
                    .containsKey("app.kubernetes.io/component");
        });
        for (Service service : objects.services()) {
            String component = service.getMetadata().getLabels().get("app.kubernetes.io/component");
            assertThat(service.getMetadata().getName()).isEqualTo(GROUP + "-" + component);
            assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
            assertThat(service.getSpec().getPublishNotReadyAddresses()).isTrue();
            assertThat(service.getSpec().getSelector()).isEqualTo(Map.of("seamless.io/service-group", GROUP,
                    "app.kubernetes.io/component", component));
            assertThat(service.getSpec().getPorts()).isNotEmpty().allSatisfy(port ->
                    assertThat(port.getTargetPort().getIntVal()).isEqualTo(port.getPort()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void configMapsAreOwnedByTheirUnitAndGroupObjectsByEveryUnitHere(EngineTemplate template) {
        ClusterObjects objects = renderer.render(CatalogueDocuments.document(template, GROUP), CLUSTER, "db",
                (secret, key) -> "pw");
        Map<String, String> uids = objects.units().stream().collect(Collectors.toMap(
                unit -> unit.getMetadata().getName(), unit -> "uid-" + unit.getMetadata().getName()));
        List<String> allUnits = objects.units().stream().map(unit -> unit.getMetadata().getName()).toList();

        ClusterObjects owned = objects.withOwnerReferences(uids);

        owned.configMaps().forEach(map -> assertThat(owners(map)).containsExactly(
                map.getMetadata().getName().replaceFirst("-config$", "")));
        List<HasMetadata> groupWide = new ArrayList<>(owned.services());
        groupWide.addAll(owned.secrets());
        groupWide.forEach(object -> assertThat(owners(object)).containsExactlyInAnyOrderElementsOf(allUnits));
        Stream.of(owned.services(), owned.configMaps(), owned.secrets()).flatMap(List::stream)
                .flatMap(object -> object.getMetadata().getOwnerReferences().stream())
                .forEach(reference -> {
                    assertThat(reference.getController()).isFalse();
                    assertThat(reference.getKind()).isEqualTo(Unit.KIND);
                    assertThat(reference.getUid()).isEqualTo(uids.get(reference.getName()));
                });
        assertThat(objects.configMaps()).allSatisfy(map ->
                assertThat(map.getMetadata().getOwnerReferences()).as("render itself knows no uid").isEmpty());
    }

    private static List<String> owners(HasMetadata object) {
        return object.getMetadata().getOwnerReferences().stream().map(OwnerReference::getName).toList();
    }
}
