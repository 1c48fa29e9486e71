package io.seamless.reactors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.seamless.reactors.reconcile.CrdInstaller;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sandbox as a person meets it: a kubeconfig that works, discovery that kubectl understands, gone when closed. */
class SandboxClusterTest {

    @TempDir
    Path directory;

    @Test
    void itsKubeconfigReachesAnApiServerThatStoresObjectsAndAnswersDiscovery() throws Exception {
        try (SandboxCluster sandbox = SandboxCluster.start("bj-1", "seamless", directory);
             KubernetesClient client = client(sandbox.kubeconfig())) {
            assertThat(sandbox.kubeconfig()).isEqualTo(directory.resolve("bj-1.kubeconfig"));
            new CrdInstaller(client).install();
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("seamless").endMetadata()
                    .build()).create();
            client.pods().inNamespace("seamless").resource(new PodBuilder().withNewMetadata().withName("p-0")
                    .endMetadata().build()).create();

            assertThat(client.pods().inNamespace("seamless").list().getItems()).hasSize(1);
            String server = client.getConfiguration().getMasterUrl();
            assertThat(server).startsWith("http://127.0.0.1:");
            assertThat(Serialization.unmarshal(get(server, "api/v1?timeout=32s"), APIResourceList.class)
                    .getResources()).anySatisfy(resource -> assertThat(resource.getName()).isEqualTo("pods"));
            assertThat(Serialization.unmarshal(get(server, "apis"), APIGroupList.class).getGroups())
                    .anySatisfy(group -> assertThat(group.getName()).isEqualTo("seamless.io"));
            assertThat(Serialization.unmarshal(get(server, "apis/seamless.io/v1"), APIResourceList.class)
                    .getResources()).singleElement().satisfies(resource -> {
                        assertThat(resource.getName()).isEqualTo("units");
                        assertThat(resource.getNamespaced()).isTrue();
                    });
        }
        assertThat(directory.resolve("bj-1.kubeconfig")).doesNotExist();
    }

    /** Only where kubectl is installed (it is not shipped): the README's command, for real. */
    @Test
    void kubectlListsUnitsAndPodsWithTheKubeconfig() throws Exception {
        assumeTrue(kubectl(), "kubectl is not installed");
        try (SandboxCluster sandbox = SandboxCluster.start("sh-1", "seamless", directory);
             KubernetesClient client = client(sandbox.kubeconfig())) {
            new CrdInstaller(client).install();
            client.pods().inNamespace("seamless").resource(new PodBuilder().withNewMetadata().withName("p-0")
                    .endMetadata().build()).create();

            Process process = new ProcessBuilder("kubectl", "--kubeconfig", sandbox.kubeconfig().toString(), "get",
                    "units,pods", "-n", "seamless", "-o", "name").redirectErrorStream(true).start();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("pod/p-0");
        }
    }

    private static KubernetesClient client(Path kubeconfig) throws IOException {
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null, Files.readString(kubeconfig),
                kubeconfig.toString())).build();
    }

    private static String get(String server, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.endsWith("/") ? server + path : server + "/" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static boolean kubectl() {
        try {
            return new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start()
                    .waitFor(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
