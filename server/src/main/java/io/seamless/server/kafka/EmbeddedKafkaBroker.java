package io.seamless.server.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster (KRaft, combined broker and controller, node id 1) inside this JVM.
 *
 * <p>Listeners bind to 127.0.0.1 only. Ports given as 0 are picked on the first {@link #start()} and then
 * kept, so a stopped broker comes back on the same address with the same data: clients configured before
 * the outage reconnect by themselves. The data directory is formatted once; later starts reuse its cluster id.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = "127.0.0.1";
    // A port picked as free can be taken by another process before Kafka binds it.
    private static final int START_ATTEMPTS = 3;

    private final Path dataDir;
    private final boolean pickBrokerPort;
    private final boolean pickControllerPort;
    private int brokerPort;
    private int controllerPort;
    private boolean portsFixed;
    private String clusterId;
    private KafkaRaftServer server;
    private boolean closed;

    /**
     * @param dataDir        holds the partitions and the metadata log; created if missing
     * @param brokerPort     client port, 0 to pick a free one on first start
     * @param controllerPort KRaft controller port, 0 to pick a free one on first start
     */
    public EmbeddedKafkaBroker(Path dataDir, int brokerPort, int controllerPort) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        this.brokerPort = checkPort(brokerPort);
        this.controllerPort = checkPort(controllerPort);
        this.pickBrokerPort = brokerPort == 0;
        this.pickControllerPort = controllerPort == 0;
    }

    /** Starts the broker and returns once it accepts clients; does nothing if it is running. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("Embedded Kafka broker in " + dataDir + " is closed");
        }
        if (server != null) {
            return;
        }
        long begin = System.nanoTime();
        createDataDir();
        BrokerLogging.quietUnlessConfigured();
        server = startServer();
        LOG.debug("Embedded Kafka broker started on {} in {} ms", bootstrapServers(), elapsedMillis(begin));
    }

    /** Shuts the broker down cleanly and waits for it; the ports and data are kept for a later start. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer running = server;
        server = null;
        long begin = System.nanoTime();
        running.shutdown();
        running.awaitShutdown();
        LOG.debug("Embedded Kafka broker on {} stopped in {} ms", bootstrapServers(), elapsedMillis(begin));
    }

    /** Stops the broker for good. */
    @Override
    public synchronized void close() {
        stop();
        closed = true;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code 127.0.0.1:<port>}; stable across restarts. */
    public synchronized String bootstrapServers() {
        if (brokerPort == 0) {
            throw new IllegalStateException("The broker port is picked on the first start(); call it first");
        }
        return HOST + ":" + brokerPort;
    }

    /** The client port, or 0 before the first start when it was requested as 0. */
    public synchronized int brokerPort() {
        return brokerPort;
    }

    /** The KRaft controller port, or 0 before the first start when it was requested as 0. */
    public synchronized int controllerPort() {
        return controllerPort;
    }

    /** The cluster id stored in the data directory, or null before the first start. */
    public synchronized String clusterId() {
        return clusterId;
    }

    public Path dataDir() {
        return dataDir;
    }

    private KafkaRaftServer startServer() {
        for (int attempt = 1; ; attempt++) {
            pickPorts();
            Map<String, String> settings = BrokerSettings.of(dataDir, HOST, brokerPort, controllerPort);
            clusterId = KafkaStorage.formatIfNeeded(dataDir, settings);
            KafkaRaftServer candidate = new KafkaRaftServer(new KafkaConfig(settings, false), Time.SYSTEM);
            try {
                candidate.startup();
                portsFixed = true;
                return candidate;
            } catch (RuntimeException e) {
                shutdownAfterFailure(candidate, e);
                if (!mayRetry(e, attempt)) {
                    throw new IllegalStateException("Cannot start the embedded Kafka broker on " + HOST + ":"
                            + brokerPort + " (controller " + controllerPort + "), data in " + dataDir, e);
                }
                LOG.debug("Port taken while starting the embedded Kafka broker, retrying", e);
            }
        }
    }

    private void pickPorts() {
        if (portsFixed || !(pickBrokerPort || pickControllerPort)) {
            return;
        }
        // Both sockets stay open together so the two picks cannot return the same port.
        try (ServerSocket first = freeSocket(); ServerSocket second = freeSocket()) {
            if (pickBrokerPort) {
                brokerPort = first.getLocalPort();
            }
            if (pickControllerPort) {
                controllerPort = second.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on " + HOST, e);
        }
    }

    private boolean mayRetry(RuntimeException failure, int attempt) {
        boolean portWasPicked = !portsFixed && (pickBrokerPort || pickControllerPort);
        return portWasPicked && attempt < START_ATTEMPTS && isBindFailure(failure);
    }

    private static boolean isBindFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void shutdownAfterFailure(KafkaRaftServer candidate, RuntimeException failure) {
        try {
            candidate.shutdown();
            candidate.awaitShutdown();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static ServerSocket freeSocket() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getByName(HOST));
    }

    private void createDataDir() {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka data directory " + dataDir, e);
        }
    }

    private static int checkPort(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Not a TCP port: " + port);
        }
        return port;
    }

    private static long elapsedMillis(long beginNanos) {
        return Duration.ofNanos(System.nanoTime() - beginNanos).toMillis();
    }
}
