package io.seamless.reactors.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.seamless.reactors.sandbox.SandboxCluster;

/**
 * How this process reaches one cluster: a client, and the sandbox behind it when the cluster has no real
 * configuration. Closing closes both.
 *
 * @param sandbox null for a real cluster
 */
record ClusterConnection(String cluster, KubernetesClient client, SandboxCluster sandbox) implements AutoCloseable {

    boolean isSandbox() {
        return sandbox != null;
    }

    @Override
    public void close() {
        client.close();
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
