package io.seamless.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecEnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifests of deploy/kubernetes against an API server (fabric8's mock, CRUD mode, as the sandbox): every object
 * is accepted and reads back as written; kustomize builds the same objects; and the kubeconfig the reactors reach
 * their own cluster with really presents the Pod's service-account token.
 */
@EnableKubernetesMockClient(https = false, crud = true)
class KubernetesManifestsApplyTest {

    static KubernetesClient client;
    static KubernetesMockServer server;

    @Test
    void everyManifestIsAcceptedByTheApiServerAndReadsBackAsWritten() {
        List<HasMetadata> objects = Manifests.load(client).all();
        assertThat(objects).hasSizeGreaterThanOrEqualTo(18);
        objects.forEach(object -> client.resource(object).create());
        for (HasMetadata object : objects) {
            HasMetadata live = client.resource(object).get();
            assertThat(live).as(describe(object)).isNotNull();
            assertThat(content(live)).as(describe(object)).isEqualTo(content(object));
        }
    }

    @Test
    void kustomizeBuildsTheSameObjectsWithTheImageTagged() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl kustomize needs kubectl");
        Process kustomize = new ProcessBuilder("kubectl", "kustomize", Manifests.DIRECTORY.toString()).start();
        byte[] built = kustomize.getInputStream().readAllBytes();
        String errors = new String(kustomize.getErrorStream().readAllBytes());
        assertThat(kustomize.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kustomize.exitValue()).as(errors).isZero();

        List<HasMetadata> objects = client.load(new ByteArrayInputStream(built)).items();
        assertThat(objects.stream().map(KubernetesManifestsApplyTest::describe).sorted())
                .containsExactlyElementsOf(Manifests.load(client).all().stream()
                        .map(KubernetesManifestsApplyTest::describe).sorted().toList());
        Map<String, Object> image = Manifests.image();
        assertThat(new String(built)).doesNotContain("image: " + image.get("name") + "\n")
                .contains("image: " + image.get("name") + ":" + image.get("newTag"));
    }

    @Test
    void theReactorsReachTheirOwnClusterWithThePodsServiceAccountToken(@TempDir Path directory) throws Exception {
        Manifests manifests = Manifests.load(client);
        ConfigMap files = manifests.get(ConfigMap.class, "seamless-reactors");
        String mounted = reactorsConfigMount(manifests);
        assertThat(manifests.setting("reactors", "SPRING_CONFIG_ADDITIONAL_LOCATION"))
                .contains("optional:file:" + mounted + "/");
        String kubeconfigPath = (String) Yamls.path(Yamls.map(files.getData().get("application.yaml")),
                "seamless", "reactors", "clusters", "local", "kubeconfig");
        io.fabric8.kubernetes.api.model.Config kubeconfig = Serialization.unmarshal(files.getData()
                .get(mountedKey(kubeconfigPath, mounted, files)), io.fabric8.kubernetes.api.model.Config.class);
        ExecConfig exec = kubeconfig.getUsers().get(0).getUser().getExec();
        String script = files.getData().get(mountedKey(exec.getArgs().get(0), mounted, files));

        // The same kubeconfig and script, with this test's API server and token file in place of the Pod's.
        Path token = Files.writeString(directory.resolve("token"), "pod-token-" + System.nanoTime());
        exec.setArgs(List.of(Files.writeString(directory.resolve("token.sh"), script).toString()));
        exec.setEnv(List.of(new ExecEnvVar("SEAMLESS_TOKEN_FILE", token.toString())));
        NamedCluster cluster = kubeconfig.getClusters().get(0);
        cluster.getCluster().setServer(server.url("/"));
        cluster.getCluster().setCertificateAuthority(null);
        Path file = Files.writeString(directory.resolve("in-cluster.kubeconfig"), Serialization.asYaml(kubeconfig));
        drainRequests();
        try (KubernetesClient reactor = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(null, Files.readString(file), file.toString())).build()) {
            reactor.namespaces().withName("seamless").get();
        }
        assertThat(drainRequests()).isNotEmpty().allSatisfy(request ->
                assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + Files.readString(token)));
    }

    /** Where the reactors' Deployment mounts the ConfigMap seamless-reactors. */
    private static String reactorsConfigMount(Manifests manifests) {
        Volume volume = manifests.deployment("reactors").getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(candidate -> candidate.getConfigMap() != null
                        && candidate.getConfigMap().getName().equals("seamless-reactors")).findFirst().orElseThrow();
        return manifests.container("reactors").getVolumeMounts().stream()
                .filter(mount -> mount.getName().equals(volume.getName())).findFirst().orElseThrow().getMountPath();
    }

    /** The ConfigMap key a path of the mounted ConfigMap is the file of. */
    private static String mountedKey(String path, String mounted, ConfigMap files) {
        assertThat(path).startsWith(mounted + "/");
        String key = path.substring(mounted.length() + 1);
        assertThat(files.getData()).containsKey(key);
        return key;
    }

    private static List<RecordedRequest> drainRequests() throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        for (RecordedRequest request = server.takeRequest(0, TimeUnit.MILLISECONDS); request != null;
                request = server.takeRequest(0, TimeUnit.MILLISECONDS)) {
            requests.add(request);
        }
        return requests;
    }

    private static String describe(HasMetadata object) {
        return object.getKind() + " " + (object.getMetadata().getNamespace() == null ? ""
                : object.getMetadata().getNamespace() + "/") + object.getMetadata().getName();
    }

    /** What was written: everything but the server's metadata and the status. */
    private static Map<String, Object> content(HasMetadata object) {
        ObjectNode tree = Serialization.jsonMapper().valueToTree(object);
        tree.remove("status");
        ObjectNode metadata = (ObjectNode) tree.remove("metadata");
        tree.set("labels", metadata.get("labels"));
        tree.set("annotations", metadata.get("annotations"));
        return Serialization.jsonMapper().convertValue(tree, Map.class);
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder("which", command).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
