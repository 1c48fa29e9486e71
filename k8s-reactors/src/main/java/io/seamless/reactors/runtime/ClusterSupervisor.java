package io.seamless.reactors.runtime;

import io.seamless.reactors.reconcile.Backoff;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link ClusterRuntime} per wanted cluster, level-triggered like the reactors themselves: it is told the
 * whole set of registered clusters, stops what is no longer in it and starts what is missing. Starting a cluster may
 * take long or fail (an unreachable API server): that happens on the supervisor's own thread, never on the Kafka
 * thread, and a failed start is retried with back-off for as long as the cluster is wanted.
 */
final class ClusterSupervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSupervisor.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ClusterRuntimes runtimes;
    private final Backoff backoff;
    private final ScheduledExecutorService executor;
    private final Map<String, ClusterRuntime> running = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final Set<String> unmanagedLogged = new TreeSet<>();
    private Set<String> wanted = Set.of();

    ClusterSupervisor(ClusterRuntimes runtimes, Backoff backoff) {
        this.runtimes = runtimes;
        this.backoff = backoff;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reactors-clusters");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The registered clusters, all of them; returns at once. */
    void want(Set<String> clusters) {
        Set<String> copy = Set.copyOf(clusters);
        try {
            executor.execute(() -> {
                wanted = copy;
                converge();
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("clusters {} arrived after the stop; ignored", copy);
        }
    }

    /** The clusters whose reactor runs now. */
    Set<String> running() {
        return new TreeSet<>(running.keySet());
    }

    /** Stops every cluster's reactor, waiting for that at most 30 s. */
    @Override
    public void close() {
        try {
            executor.submit(() -> {
                wanted = Set.of();
                converge();
            }).get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("stopping the clusters' reactors: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            executor.shutdownNow();
        }
    }

    private void converge() {
        for (String cluster : Set.copyOf(running.keySet())) {
            if (!wanted.contains(cluster)) {
                stop(cluster);
            }
        }
        failures.keySet().retainAll(wanted);
        for (String cluster : new TreeSet<>(wanted)) {
            if (!running.containsKey(cluster)) {
                start(cluster);
            }
        }
    }

    private void start(String cluster) {
        if (!runtimes.manages(cluster)) {
            if (unmanagedLogged.add(cluster)) {
                LOG.info("cluster {}: no kubeconfig (seamless.reactors.clusters.{}) and sandboxes are off; "
                        + "not reconciled by this process", cluster, cluster);
            }
            return;
        }
        try {
            Optional<ClusterRuntime> runtime = runtimes.start(cluster);
            runtime.ifPresent(started -> running.put(cluster, started));
            failures.remove(cluster);
        } catch (RuntimeException e) {
            int failed = failures.merge(cluster, 1, Integer::sum);
            Duration delay = backoff.after(failed);
            LOG.warn("cluster {}: cannot start its reactor ({} in a row), retrying in {} ms: {}", cluster, failed,
                    delay.toMillis(), e.toString());
            executor.schedule(this::converge, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Listed as running until it has stopped (lease given up, sandbox and kubeconfig gone). */
    private void stop(String cluster) {
        ClusterRuntime runtime = running.get(cluster);
        try {
            runtime.close();
        } catch (RuntimeException e) {
            LOG.warn("cluster {}: stopping its reactor failed: {}", cluster, e.toString());
        } finally {
            running.remove(cluster);
        }
    }
}
