package io.seamless.reactors.reconcile;

import io.seamless.reactors.observation.Observation;
import io.seamless.reactors.observation.ObservationSink;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cluster's reactor: keeps the latest desired-state document of every group (the compacted topic's view, kept
 * whether leading or not, so that a new leader starts from it at once), and while leading reconciles groups
 * through a {@link WorkQueue}: a document enqueues its group, a periodic resync enqueues every known group and
 * every group that still has objects but no document (an orphan, deleted while no reactor ran). Observations of
 * drift and of refused documents go to the {@link ObservationSink}, a refusal once per distinct problem.
 */
public final class ClusterReactor implements DesiredStateFeed, LeaderWork {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterReactor.class);
    private static final Duration REQUEUE = Duration.ofSeconds(2);

    private final GroupReconciler reconciler;
    private final ReactorSettings settings;
    private final ObservationSink sink;
    private final Clock clock;
    private final Map<String, Optional<byte[]>> documents = new ConcurrentHashMap<>();
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    private volatile boolean caughtUp;
    private WorkQueue queue;
    private ScheduledExecutorService resync;

    public ClusterReactor(GroupReconciler reconciler, ReactorSettings settings, ObservationSink sink, Clock clock) {
        this.reconciler = reconciler;
        this.settings = settings;
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public void onDocument(String group, Optional<byte[]> json) {
        documents.put(group, json.map(byte[]::clone));
        enqueue(group);
    }

    @Override
    public void onCaughtUp() {
        caughtUp = true;
        enqueueAll();
    }

    @Override
    public synchronized void start() {
        if (queue != null) {
            return;
        }
        queue = new WorkQueue("reactor-" + reconciler.cluster(), settings.workers(), settings.backoff(),
                this::reconcile);
        queue.start();
        resync = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reactor-" + reconciler.cluster() + "-resync");
            thread.setDaemon(true);
            return thread;
        });
        long period = settings.resync().toMillis();
        resync.scheduleAtFixedRate(this::enqueueAll, 0, period, TimeUnit.MILLISECONDS);
        LOG.info("reactor of cluster {} started", reconciler.cluster());
    }

    @Override
    public synchronized void stop() {
        if (queue == null) {
            return;
        }
        resync.shutdownNow();
        queue.close();
        queue = null;
        LOG.info("reactor of cluster {} stopped", reconciler.cluster());
    }

    /** The groups with a document (a tombstone counts until its group's objects are gone). */
    public Set<String> knownGroups() {
        return new TreeSet<>(documents.keySet());
    }

    private synchronized void enqueue(String group) {
        if (queue != null && caughtUp) {
            queue.add(group);
        }
    }

    private void enqueueAll() {
        if (!caughtUp) {
            return;
        }
        Set<String> groups = knownGroups();
        try {
            groups.addAll(reconciler.liveGroups());
        } catch (RuntimeException e) {
            LOG.warn("cluster {}: cannot list managed objects to find orphans: {}", reconciler.cluster(),
                    e.toString());
        }
        groups.forEach(this::enqueue);
    }

    private void reconcile(String group) {
        Optional<byte[]> document = documents.getOrDefault(group, Optional.empty());
        ReconcileResult result = reconciler.reconcileDocument(group, document);
        report(result);
        if (result.requeue()) {
            requeue(group);
        }
        if (document.isEmpty() && result.outcome() == ReconcileResult.Outcome.APPLIED && !result.requeue()) {
            // Only if no new document came meanwhile: Optional.empty() equals only a tombstone.
            documents.remove(group, Optional.<byte[]>empty());
        }
    }

    private synchronized void requeue(String group) {
        if (queue != null) {
            queue.addAfter(group, REQUEUE);
        }
    }

    private void report(ReconcileResult result) {
        String cluster = reconciler.cluster();
        if (result.outcome() == ReconcileResult.Outcome.INVALID_DESIRED_STATE) {
            if (!result.problem().equals(refused.put(result.group(), result.problem()))) {
                sink.observe(new Observation(cluster, result.group(), null,
                        Observation.Type.DESIRED_STATE_INVALID, "InvalidDesiredState", result.problem(),
                        clock.instant()));
            }
            return;
        }
        refused.remove(result.group());
        for (Correction correction : result.corrections()) {
            String unit = "Unit".equals(correction.kind()) ? correction.name() : null;
            sink.observe(new Observation(cluster, result.group(), unit, Observation.Type.DRIFT_CORRECTED,
                    "recreated".equals(correction.what()) ? "Recreated" : "Restored",
                    correction.kind() + " " + correction.name() + ": " + correction.what(), clock.instant()));
        }
    }
}
