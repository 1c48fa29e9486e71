package io.seamless.reactors.runtime;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.seamless.reactors.sandbox.SandboxCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Chooses how to reach a registered cluster: its kubeconfig when {@code seamless.reactors.clusters.<name>} names
 * one, else a new sandbox when sandboxes are enabled, else none (the cluster is left to a reactor elsewhere, for
 * instance one running inside it). Either way the client is built from a kubeconfig file, so a sandbox exercises
 * the same path as a real cluster.
 */
final class ClusterConnections {

    private final ReactorsProperties properties;
    private final Path sandboxDirectory;

    ClusterConnections(ReactorsProperties properties, Path sandboxDirectory) {
        this.properties = properties;
        this.sandboxDirectory = sandboxDirectory;
    }

    /** Whether this process reconciles {@code cluster} at all. */
    boolean manages(String cluster) {
        return properties.clusters().containsKey(cluster) || properties.sandbox().enabled();
    }

    Optional<ClusterConnection> open(String cluster) {
        ReactorsProperties.RealCluster real = properties.clusters().get(cluster);
        if (real != null) {
            if (real.kubeconfig() == null) {
                throw new IllegalStateException("seamless.reactors.clusters." + cluster + ".kubeconfig is not set");
            }
            return Optional.of(new ClusterConnection(cluster, client(real.kubeconfig(), real.context()), null));
        }
        if (!properties.sandbox().enabled()) {
            return Optional.empty();
        }
        SandboxCluster sandbox = SandboxCluster.start(cluster, properties.namespace(), sandboxDirectory);
        try {
            return Optional.of(new ClusterConnection(cluster, client(sandbox.kubeconfig(), null), sandbox));
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    private static KubernetesClient client(Path kubeconfig, String context) {
        String content;
        try {
            content = Files.readString(kubeconfig);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kubeconfig " + kubeconfig, e);
        }
        Config config = Config.fromKubeconfig(context, content, kubeconfig.toAbsolutePath().toString());
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
