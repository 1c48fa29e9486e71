package io.seamless.reactors.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One active reactor per cluster among replicas: fabric8's leader elector on the {@code coordination.k8s.io}
 * Lease {@code seamless-reactor-<cluster>}, taken with create / update-with-resourceVersion (which the sandbox
 * honours too). The leader runs the {@link LeaderWork} (the cluster reactor and the Unit controller); losing the
 * lease stops it, and the replica goes back to campaigning. Closing releases the lease, so that another replica
 * takes over at once rather than after the lease expires.
 */
public final class LeaderElection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

    private final KubernetesClient client;
    private final String namespace;
    private final String lease;
    private final String identity;
    private final Timing timing;
    private final List<LeaderWork> work;
    private volatile boolean leading;
    private volatile boolean closed;
    private CompletableFuture<?> campaign;

    /** Lease timings, as client-go names them; the defaults are client-go's (15 s, 10 s, 2 s). */
    public record Timing(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {

        public static Timing defaults() {
            return new Timing(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));
        }
    }

    public LeaderElection(KubernetesClient client, String namespace, String cluster, String identity, Timing timing,
                          List<LeaderWork> work) {
        this.client = client;
        this.namespace = namespace;
        this.lease = leaseName(cluster);
        this.identity = identity;
        this.timing = timing;
        this.work = List.copyOf(work);
    }

    public static String leaseName(String cluster) {
        return "seamless-reactor-" + cluster;
    }

    public synchronized void start() {
        if (closed || campaign != null && !campaign.isDone()) {
            return;
        }
        campaign = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
                .withName(lease)
                .withLock(new LeaseLock(namespace, lease, identity))
                .withLeaseDuration(timing.leaseDuration())
                .withRenewDeadline(timing.renewDeadline())
                .withRetryPeriod(timing.retryPeriod())
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(this::startLeading, this::stopLeading,
                        leader -> LOG.info("lease {}: {} leads", lease, leader)))
                .build()).build().start();
        // The elector's run ends when the lease is lost: campaign again, unless this replica is closing.
        campaign.whenComplete((ignored, error) -> {
            if (!closed) {
                LOG.info("lease {}: {} lost it, campaigning again", lease, identity);
                start();
            }
        });
    }

    public boolean isLeader() {
        return leading;
    }

    @Override
    public void close() {
        CompletableFuture<?> running;
        synchronized (this) {
            closed = true;
            running = campaign;
        }
        if (running != null) {
            running.cancel(true);
        }
        stopLeading();
    }

    private synchronized void startLeading() {
        if (leading || closed) {
            return;
        }
        leading = true;
        LOG.info("lease {}: {} became the leader", lease, identity);
        work.forEach(LeaderWork::start);
    }

    private synchronized void stopLeading() {
        if (!leading) {
            return;
        }
        leading = false;
        LOG.info("lease {}: {} is no longer the leader", lease, identity);
        work.forEach(LeaderWork::stop);
    }
}
