package io.seamless.reactors.sandbox;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sandbox cluster: fabric8's mock API server in CRUD mode, plain HTTP on 127.0.0.1 and a free port, and a
 * kubeconfig for it at {@code <directory>/<cluster>.kubeconfig} (no credentials: the mock checks none), which the
 * reactor connects with like with any real cluster's, and {@code kubectl --kubeconfig} can use too. In memory only:
 * lost at restart (the reactor reconverges it from the compacted topic at start), and a new port each time.
 * Closing stops the server and deletes its kubeconfig.
 */
public final class SandboxCluster implements AutoCloseable {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(SandboxCluster.class);
    /** The mock logs every request at INFO through java.util.logging; held here so that the level sticks. */
    private static final Logger REQUEST_LOG = Logger.getLogger(MockWebServer.class.getName());
    private static final long DRAIN_SECONDS = 10;

    private final String cluster;
    private final KubernetesMockServer server;
    private final Path kubeconfig;
    private final ScheduledExecutorService drain;

    private SandboxCluster(String cluster, KubernetesMockServer server, Path kubeconfig) {
        this.cluster = cluster;
        this.server = server;
        this.kubeconfig = kubeconfig;
        // The mock keeps every request it served for tests to inspect; a long-running sandbox must forget them.
        this.drain = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sandbox-" + cluster + "-drain");
            thread.setDaemon(true);
            return thread;
        });
        drain.scheduleWithFixedDelay(this::forgetRequests, DRAIN_SECONDS, DRAIN_SECONDS, TimeUnit.SECONDS);
    }

    /** Starts the sandbox of {@code cluster} and writes its kubeconfig under {@code directory}. */
    public static SandboxCluster start(String cluster, String namespace, Path directory) {
        REQUEST_LOG.setLevel(Level.WARNING);
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()),
                new MockWebServer(), responses, new SandboxDispatcher(responses), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        try {
            Path file = directory.resolve(cluster + ".kubeconfig");
            Files.createDirectories(directory);
            String url = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getPort();
            Files.writeString(file, SandboxKubeconfig.render(cluster, url, namespace));
            LOG.info("sandbox of cluster {}: in-memory API server at {}, kubeconfig {}", cluster, url,
                    file.toAbsolutePath().normalize());
            return new SandboxCluster(cluster, server, file);
        } catch (IOException | RuntimeException e) {
            server.destroy();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    @Override
    public void close() {
        drain.shutdownNow();
        server.destroy();
        try {
            Files.deleteIfExists(kubeconfig);
        } catch (IOException e) {
            LOG.warn("sandbox of cluster {}: cannot delete {}: {}", cluster, kubeconfig, e.toString());
        }
        LOG.info("sandbox of cluster {} stopped; its objects are gone", cluster);
    }

    private void forgetRequests() {
        try {
            while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
                // dropped
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
