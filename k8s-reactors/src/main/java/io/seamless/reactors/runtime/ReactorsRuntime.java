package io.seamless.reactors.runtime;

import io.seamless.reactors.reconcile.Backoff;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The reactors role of one process. Threads: one Kafka consumer over {@code seamless.desired-state} (fanned out to
 * every cluster's reactor), one over {@code seamless.events.cluster} (which clusters exist), the supervisor's thread
 * that starts and stops clusters, and per cluster its leader election and, while leading, the reactor's and the Unit
 * controller's work queues and informers. Reactors need only Kafka and their clusters' API servers: nothing here
 * listens for a connection. Stopping ends all of them: discovery first, then every cluster (leases released), then
 * the feed and the observation producer.
 */
public final class ReactorsRuntime implements SmartLifecycle {

    static final String DESIRED_STATE_TOPIC = "seamless.desired-state";

    private static final Logger LOG = LoggerFactory.getLogger(ReactorsRuntime.class);

    private final ReactorsProperties properties;
    private final KafkaSettings kafka;
    private final Path sandboxDirectory;
    private final Clock clock;
    private volatile boolean running;
    private ObservationPublisher observations;
    private ClusterSupervisor supervisor;
    private TopicFollower desiredState;
    private TopicFollower clusters;

    public ReactorsRuntime(ReactorsProperties properties, KafkaSettings kafka, Path sandboxDirectory, Clock clock) {
        this.properties = properties;
        this.kafka = kafka;
        this.sandboxDirectory = sandboxDirectory;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        Backoff backoff = new Backoff(properties.retryBackoff(), properties.retryBackoffMax());
        observations = new ObservationPublisher(kafka);
        DesiredStateFanOut fanOut = new DesiredStateFanOut();
        supervisor = new ClusterSupervisor(new ClusterRuntimes(new ClusterConnections(properties, sandboxDirectory),
                properties, identity(properties), fanOut, observations, clock), backoff);
        desiredState = new TopicFollower(DESIRED_STATE_TOPIC, kafka, properties.pollTimeout(), backoff, fanOut);
        clusters = new TopicFollower(ClusterDiscovery.TOPIC, kafka, properties.pollTimeout(), backoff,
                new ClusterDiscovery(supervisor));
        desiredState.start();
        clusters.start();
        running = true;
        LOG.info("reactors started: namespace {}, sandboxes {}, real clusters {}", properties.namespace(),
                properties.sandbox().enabled() ? "on (" + sandboxDirectory + ")" : "off",
                properties.clusters().keySet());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        clusters.close();
        supervisor.close();
        desiredState.close();
        observations.close();
        LOG.info("reactors stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The clusters whose reactor runs in this process. */
    public Set<String> runningClusters() {
        ClusterSupervisor current = supervisor;
        return current == null ? Set.of() : current.running();
    }

    static String identity(ReactorsProperties properties) {
        if (properties.identity() != null && !properties.identity().isBlank()) {
            return properties.identity();
        }
        String host = System.getenv("HOSTNAME");
        return (host == null || host.isBlank() ? "seamless" : host) + "-" + ProcessHandle.current().pid();
    }
}
