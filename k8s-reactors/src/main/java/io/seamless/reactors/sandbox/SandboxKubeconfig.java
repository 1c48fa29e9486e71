package io.seamless.reactors.sandbox;

/**
 * The kubeconfig of a sandbox: one cluster (plain HTTP, so no certificate to trust), one context whose default
 * namespace is the Units' (so that {@code kubectl get units,pods} needs no {@code -n}), and a user without
 * credentials.
 */
final class SandboxKubeconfig {

    private SandboxKubeconfig() {
    }

    static String render(String cluster, String url, String namespace) {
        String name = "seamless-sandbox-" + cluster;
        return """
                # The in-memory sandbox API server of cluster %1$s, written by Seamless at each start (the port
                # changes) and deleted when it stops. Its objects are lost at restart; the reactor recreates them.
                apiVersion: v1
                kind: Config
                clusters:
                - name: %2$s
                  cluster:
                    server: %3$s
                contexts:
                - name: %2$s
                  context:
                    cluster: %2$s
                    namespace: %4$s
                    user: %2$s
                current-context: %2$s
                users:
                - name: %2$s
                  user: {}
                preferences: {}
                """.formatted(cluster, name, url, namespace);
    }
}
