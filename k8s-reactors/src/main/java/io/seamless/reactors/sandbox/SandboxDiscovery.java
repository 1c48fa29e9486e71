package io.seamless.reactors.sandbox;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscoveryBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionSpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.seamless.reactors.reconcile.CrdInstaller;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The discovery documents a sandbox serves, which the mock server itself answers wrongly ({@code /api} and
 * {@code /apis} there list objects): without them {@code kubectl} knows no resource type. They name what the
 * reactors write and read (core objects, Leases, CRDs) and the Unit CRD as this module's manifest declares it.
 */
final class SandboxDiscovery {

    private static final List<String> VERBS = List.of("create", "delete", "get", "list", "patch", "update", "watch");

    private SandboxDiscovery() {
    }

    /** Path (without query) to JSON body. */
    static Map<String, String> documents() {
        CustomResourceDefinitionSpec units = unitCrd().getSpec();
        String unitsVersion = units.getVersions().stream().filter(version -> Boolean.TRUE.equals(version.getServed()))
                .map(version -> version.getName()).findFirst().orElseThrow();
        Map<String, String> documents = new LinkedHashMap<>();
        documents.put("/api", Serialization.asJson(new APIVersionsBuilder().withVersions("v1").build()));
        documents.put("/api/v1", resources("v1", resource("pods", "Pod", true, "po"),
                resource("services", "Service", true, "svc"), resource("configmaps", "ConfigMap", true, "cm"),
                resource("secrets", "Secret", true), resource("persistentvolumeclaims", "PersistentVolumeClaim", true,
                        "pvc"), resource("events", "Event", true, "ev"), resource("namespaces", "Namespace", false,
                        "ns")));
        documents.put("/apis", Serialization.asJson(new APIGroupListBuilder().withGroups(
                group("coordination.k8s.io", "v1"), group("apiextensions.k8s.io", "v1"),
                group(units.getGroup(), unitsVersion)).build()));
        documents.put("/apis/coordination.k8s.io/v1", resources("coordination.k8s.io/v1",
                resource("leases", "Lease", true)));
        documents.put("/apis/apiextensions.k8s.io/v1", resources("apiextensions.k8s.io/v1",
                resource("customresourcedefinitions", "CustomResourceDefinition", false)));
        APIResource unit = new APIResourceBuilder(resource(units.getNames().getPlural(), units.getNames().getKind(),
                "Namespaced".equals(units.getScope()))).withSingularName(units.getNames().getSingular())
                .withShortNames(units.getNames().getShortNames()).withCategories(units.getNames().getCategories())
                .build();
        documents.put("/apis/" + units.getGroup() + "/" + unitsVersion,
                resources(units.getGroup() + "/" + unitsVersion, unit));
        return documents;
    }

    private static String resources(String groupVersion, APIResource... resources) {
        return Serialization.asJson(new APIResourceListBuilder().withGroupVersion(groupVersion)
                .withResources(resources).build());
    }

    private static APIResource resource(String plural, String kind, boolean namespaced, String... shortNames) {
        return new APIResourceBuilder().withName(plural).withKind(kind).withNamespaced(namespaced)
                .withSingularName(kind.toLowerCase(Locale.ROOT)).withShortNames(shortNames).withVerbs(VERBS).build();
    }

    private static APIGroup group(String name, String version) {
        var groupVersion = new GroupVersionForDiscoveryBuilder().withGroupVersion(name + "/" + version)
                .withVersion(version).build();
        return new APIGroupBuilder().withName(name).withVersions(groupVersion).withPreferredVersion(groupVersion)
                .build();
    }

    private static CustomResourceDefinition unitCrd() {
        try (InputStream in = SandboxDiscovery.class.getResourceAsStream(CrdInstaller.MANIFEST)) {
            return Serialization.unmarshal(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    CustomResourceDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
