package io.seamless.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.seamless.reactors.reconcile.CrdInstaller;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The manifests of deploy/kubernetes hold what running Seamless on Kubernetes needs: one Deployment per role of the
 * one image, probes on the server's health groups, resources, non-root read-only containers, only the reactors
 * talking to Kubernetes and only with the rights their code uses, the very CRD the reactors install.
 * ({@link KubernetesManifestsApplyTest} applies them to an API server.)
 */
@EnableKubernetesMockClient(https = false)
class KubernetesManifestsTest {

    static final List<String> ROLES = Manifests.ROLES;

    static KubernetesClient client;

    private Manifests manifests;

    @BeforeEach
    void load() {
        manifests = Manifests.load(client);
    }

    @Test
    void kustomizationListsEveryManifestFile() throws IOException {
        try (Stream<Path> files = Files.walk(Manifests.DIRECTORY)) {
            Set<String> onDisk = files.filter(file -> file.toString().endsWith(".yaml"))
                    .map(file -> Manifests.DIRECTORY.relativize(file).toString().replace('\\', '/'))
                    .filter(file -> !file.equals("kustomization.yaml")).collect(Collectors.toCollection(TreeSet::new));
            assertThat(new TreeSet<>(Manifests.listedFiles())).isEqualTo(onDisk);
        }
    }

    @Test
    void everyRoleRunsAsADeploymentOfItsOwnOfTheOneImage() {
        assertThat(manifests.all(Deployment.class)).extracting(deployment -> deployment.getMetadata().getName())
                .containsExactlyInAnyOrder("seamless-command", "seamless-projections", "seamless-reactors");
        for (String role : ROLES) {
            assertThat(manifests.deployment(role).getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
            assertThat(manifests.setting(role, "SEAMLESS_ROLES")).as(role).contains(role);
            assertThat(manifests.deployment(role).getSpec().getReplicas()).as(role).isGreaterThanOrEqualTo(2);
        }
        assertThat(ROLES.stream().map(role -> manifests.container(role).getImage()).distinct())
                .containsExactly((String) Manifests.image().get("name"));
    }

    @Test
    void theImageIsTheOneTheServerBuildMakes() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher jib = Pattern.compile("<to>\\s*<image>([^<:]+):\\$\\{project.version}</image>").matcher(pom);
        Matcher version = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
        assertThat(jib.find()).as("server/pom.xml: Jib's <to><image>").isTrue();
        assertThat(version.find()).isTrue();
        assertThat(Manifests.image()).containsEntry("name", jib.group(1)).containsEntry("newTag", version.group(1));
    }

    @ParameterizedTest
    @FieldSource("ROLES")
    void everyRoleIsProbedOnTheServersHealthGroups(String role) throws IOException {
        Properties server = serverConfiguration();
        assertThat(server.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(server.getProperty("management.endpoints.web.exposure.include")).contains("health");
        Container container = manifests.container(role);
        assertThat(container.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getContainerPort()).isEqualTo(Integer.valueOf(server.getProperty("server.port")));
            assertThat(port.getName()).isEqualTo("http");
        });
        assertThat(httpGet(container.getStartupProbe()).getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(httpGet(container.getLivenessProbe()).getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(httpGet(container.getReadinessProbe()).getPath()).isEqualTo("/actuator/health/readiness");
    }

    @ParameterizedTest
    @FieldSource("ROLES")
    void everyRoleRequestsCpuAndMemoryAndIsHeldToItsMemory(String role) {
        Map<String, Quantity> requests = manifests.container(role).getResources().getRequests();
        Map<String, Quantity> limits = manifests.container(role).getResources().getLimits();
        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(limits).containsKeys("cpu", "memory");
        assertThat(limits.get("memory")).isEqualTo(requests.get("memory"));
        assertThat(manifests.setting(role, "JAVA_TOOL_OPTIONS")).hasValueSatisfying(options ->
                assertThat(options).contains("-XX:MaxRAMPercentage="));
    }

    @ParameterizedTest
    @FieldSource("ROLES")
    void everyRoleRunsAsNonRootOnAReadOnlyRootFilesystemWritingOnlyToEmptyDirs(String role) {
        PodSpec pod = manifests.deployment(role).getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        SecurityContext container = manifests.container(role).getSecurityContext();
        assertThat(container.getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");

        Map<String, Volume> volumes = pod.getVolumes().stream()
                .collect(Collectors.toMap(Volume::getName, volume -> volume));
        Map<String, VolumeMount> writable = manifests.container(role).getVolumeMounts().stream()
                .peek(mount -> assertThat(volumes).containsKey(mount.getName()))
                .filter(mount -> !Boolean.TRUE.equals(mount.getReadOnly()))
                .collect(Collectors.toMap(VolumeMount::getMountPath, mount -> mount));
        assertThat(writable.values()).allSatisfy(mount -> assertThat(volumes.get(mount.getName()).getEmptyDir())
                .as(mount.getMountPath()).isNotNull());
        String dataDir = manifests.setting(role, "SEAMLESS_DATA_DIR").orElseThrow();
        assertThat(writable).containsKeys("/tmp", dataDir);
    }

    @Test
    void onlyTheReactorsMayCallKubernetes() {
        for (String role : List.of("command", "projections")) {
            PodSpec pod = manifests.deployment(role).getSpec().getTemplate().getSpec();
            assertThat(pod.getServiceAccountName()).isEqualTo("seamless-" + role);
            assertThat(pod.getAutomountServiceAccountToken()).as(role).isFalse();
            assertThat(manifests.get(ServiceAccount.class, "seamless-" + role).getAutomountServiceAccountToken())
                    .isFalse();
            assertThat(ReactorRbac.bound(manifests, ReactorRbac.NAMESPACE, "seamless-" + role)).as(role).isFalse();
        }
        assertThat(manifests.deployment("reactors").getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo(ReactorRbac.SERVICE_ACCOUNT);
    }

    @Test
    void theReactorsAreGrantedExactlyWhatTheirCodeCalls() {
        Set<ReactorRbac.Permission> granted = ReactorRbac.granted(manifests, ReactorRbac.NAMESPACE,
                ReactorRbac.SERVICE_ACCOUNT);
        assertThat(granted).as("beyond the allow-list").isSubsetOf(ReactorRbac.ALLOWED);
        assertThat(granted).as("the allow-list").containsAll(ReactorRbac.ALLOWED);
        // The namespace the Role grants in is the one the reactors are configured with, and the manifests create it.
        String configured = (String) Yamls.path(Yamls.map(manifests.get(ConfigMap.class, "seamless-reactors")
                .getData().get("application.yaml")), "seamless", "reactors", "namespace");
        assertThat(configured).isEqualTo(ReactorRbac.UNITS_NAMESPACE);
        assertThat(manifests.find(Namespace.class, configured)).isPresent();
    }

    @Test
    void theUnitCrdIsTheOneTheReactorsInstall() throws IOException {
        try (InputStream installed = CrdInstaller.class.getResourceAsStream(CrdInstaller.MANIFEST)) {
            assertThat(Files.readString(Manifests.DIRECTORY.resolve("crds/units.seamless.io.yaml")))
                    .as("copy k8s-reactors/src/main/resources" + CrdInstaller.MANIFEST + " to deploy/kubernetes/crds/")
                    .isEqualTo(new String(installed.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(manifests.all(CustomResourceDefinition.class)).singleElement()
                .satisfies(crd -> assertThat(crd.getMetadata().getName()).isEqualTo("units.seamless.io"));
    }

    @Test
    void everyServiceReachesTheHttpPortOfItsRolesPods() {
        assertThat(manifests.all(Service.class)).extracting(service -> service.getMetadata().getName())
                .containsExactlyInAnyOrder("seamless-command", "seamless-projections");
        for (Service service : manifests.all(Service.class)) {
            Deployment deployment = manifests.get(Deployment.class, service.getMetadata().getName());
            assertThat(service.getMetadata().getNamespace()).isEqualTo(deployment.getMetadata().getNamespace());
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(deployment.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(service.getSpec().getSelector());
            assertThat(service.getSpec().getPorts()).singleElement()
                    .satisfies(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
        }
    }

    @Test
    void everyConfigMapReferencedIsShippedAndEverySecretIsDocumented() throws IOException {
        String readme = Files.readString(Manifests.DIRECTORY.resolve("README.md"));
        for (String role : ROLES) {
            Container container = manifests.container(role);
            PodSpec pod = manifests.deployment(role).getSpec().getTemplate().getSpec();
            Stream.concat(container.getEnvFrom().stream().filter(from -> from.getConfigMapRef() != null)
                            .map(from -> from.getConfigMapRef().getName()),
                    pod.getVolumes().stream().filter(volume -> volume.getConfigMap() != null)
                            .map(volume -> volume.getConfigMap().getName()))
                    .forEach(name -> assertThat(manifests.find(ConfigMap.class, name)).as(role + ": " + name)
                            .isPresent());
            Stream.concat(container.getEnvFrom().stream().filter(from -> from.getSecretRef() != null)
                            .map(from -> from.getSecretRef().getName()),
                    pod.getVolumes().stream().filter(volume -> volume.getSecret() != null)
                            .map(volume -> volume.getSecret().getSecretName()))
                    .forEach(name -> assertThat(readme).as(role + ": Secret " + name).contains("`" + name + "`"));
        }
        assertThat(manifests.setting("reactors", "SPRING_DATASOURCE_URL")).as("the reactors use no database")
                .isEmpty();
    }

    private static HTTPGetAction httpGet(Probe probe) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        return probe.getHttpGet();
    }

    /** The server's own defaults (src/main/resources/application.yml), flattened. */
    private static Properties serverConfiguration() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        return yaml.getObject();
    }
}
