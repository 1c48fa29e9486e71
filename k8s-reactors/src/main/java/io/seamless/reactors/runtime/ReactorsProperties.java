package io.seamless.reactors.runtime;

import io.seamless.reactors.reconcile.Backoff;
import io.seamless.reactors.reconcile.LeaderElection;
import io.seamless.reactors.reconcile.ReactorSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the reactors role ({@code seamless.reactors.*}). A cluster named under {@code clusters} is reached
 * through its kubeconfig; any other registered cluster gets a sandbox while {@code sandbox.enabled} (the default, so
 * that a newcomer sees the whole loop on one machine), and is left alone otherwise.
 *
 * @param namespace       where Units, their Pods and the leader lease live in every cluster
 * @param resync          how often every group and every Unit is reconciled again, as a safety net
 * @param workers         reconcile threads per cluster (per queue: groups, Units)
 * @param identity        this replica's name in the leader lease; unset: host name and process id
 * @param clusters        real clusters by registered name
 * @param sandbox         the in-memory API servers of clusters without real configuration
 * @param lease           leader election timings
 * @param pollTimeout     longest single Kafka poll; bounds how long a stop takes
 * @param retryBackoff    first pause after a Kafka or cluster failure; doubles each time
 * @param retryBackoffMax longest pause between retries
 */
@ConfigurationProperties("seamless.reactors")
public record ReactorsProperties(
        @DefaultValue("seamless") String namespace,
        @DefaultValue("5m") Duration resync,
        @DefaultValue("1") int workers,
        String identity,
        Map<String, RealCluster> clusters,
        @DefaultValue Sandbox sandbox,
        @DefaultValue Lease lease,
        @DefaultValue("200ms") Duration pollTimeout,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("30s") Duration retryBackoffMax) {

    public ReactorsProperties {
        clusters = clusters == null ? Map.of() : Map.copyOf(clusters);
        // Refuse nonsense at start, not at each cluster's start.
        new ReactorSettings(workers, Backoff.standard(), resync);
        new Backoff(retryBackoff, retryBackoffMax);
    }

    /**
     * A real cluster.
     *
     * @param kubeconfig the kubeconfig file to reach it with
     * @param context    the context of that file to use; unset: its current context
     */
    public record RealCluster(Path kubeconfig, String context) {
    }

    /**
     * @param enabled   give every registered cluster without a kubeconfig a sandbox API server
     * @param directory where each sandbox's kubeconfig is written; unset: {@code <seamless.data-dir>/sandbox}
     */
    public record Sandbox(@DefaultValue("true") boolean enabled, Path directory) {
    }

    /** Leader election timings, as client-go names them; client-go's defaults. */
    public record Lease(@DefaultValue("15s") Duration duration, @DefaultValue("10s") Duration renewDeadline,
                        @DefaultValue("2s") Duration retryPeriod) {

        LeaderElection.Timing timing() {
            return new LeaderElection.Timing(duration, renewDeadline, retryPeriod);
        }
    }

    ReactorSettings reactorSettings() {
        return new ReactorSettings(workers, Backoff.standard(), resync);
    }
}
