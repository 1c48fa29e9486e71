package io.seamless.reactors.reconcile;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A queue of keys to reconcile, after client-go's workqueue: a key is pending at most once however often it is
 * added (a reconcile reads the latest state anyway), a key is never handled by two workers at once, and a key added
 * while it is being handled is handled once more afterwards, so that no change is lost. A handler that throws is
 * retried after its key's {@link Backoff}; success resets it.
 *
 * <p>Measured in Micrometer's global registry (the application's registry is part of it):
 * {@code seamless.reconcile} times every reconcile by queue and outcome ({@code success}, {@code error}), and
 * {@code seamless.reconcile.queue.depth} is the number of pending keys, while the queue runs.
 */
public final class WorkQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);

    /** Reconciles one key; an exception means "retry later with back-off". */
    @FunctionalInterface
    public interface Handler {
        void handle(String key) throws Exception;
    }

    private final String name;
    private final int workers;
    private final Backoff backoff;
    private final Handler handler;
    private final Deque<String> queue = new ArrayDeque<>();
    private final Set<String> dirty = new HashSet<>();
    private final Set<String> processing = new HashSet<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledExecutorService delays;
    private Gauge depth;
    private boolean closed;

    public WorkQueue(String name, int workers, Backoff backoff, Handler handler) {
        if (workers < 1) {
            throw new IllegalArgumentException("a work queue needs at least one worker, got " + workers);
        }
        this.name = name;
        this.workers = workers;
        this.backoff = backoff;
        this.handler = handler;
        this.delays = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, name + "-delays"));
    }

    /** Starts the workers; keys added before are kept and handled then. */
    public synchronized void start() {
        depth = Gauge.builder("seamless.reconcile.queue.depth", this, WorkQueue::pending)
                .description("keys waiting to be reconciled").tag("queue", name).register(Metrics.globalRegistry);
        for (int i = 0; i < workers; i++) {
            Thread thread = daemon(this::work, name + "-worker-" + i);
            threads.add(thread);
            thread.start();
        }
    }

    /** Makes {@code key} pending unless it already is. */
    public synchronized void add(String key) {
        if (closed || !dirty.add(key)) {
            return;
        }
        if (!processing.contains(key)) {
            queue.addLast(key);
            notifyAll();
        }
    }

    /** Adds {@code key} once {@code delay} has passed (a requeue-after, or a back-off). */
    public void addAfter(String key, Duration delay) {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        delays.schedule(() -> add(key), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many times in a row {@code key} has failed: 0 once it succeeded. */
    public int failures(String key) {
        return failures.getOrDefault(key, 0);
    }

    /** Stops the workers; a reconcile in flight is interrupted, pending keys are dropped. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            queue.clear();
            dirty.clear();
            notifyAll();
        }
        delays.shutdownNow();
        threads.forEach(Thread::interrupt);
        if (depth != null) {
            Metrics.globalRegistry.remove(depth);
        }
    }

    /** Keys waiting for a worker. */
    public synchronized int pending() {
        return queue.size();
    }

    private void work() {
        String key;
        while ((key = take()) != null) {
            Timer.Sample sample = Timer.start(Metrics.globalRegistry);
            String outcome = "error";
            try {
                handler.handle(key);
                failures.remove(key);
                outcome = "success";
            } catch (Exception | LinkageError e) {
                int failed = failures.merge(key, 1, Integer::sum);
                Duration delay = backoff.after(failed);
                LOG.warn("{}: reconcile of {} failed ({} in a row), retrying in {} ms: {}", name, key, failed,
                        delay.toMillis(), e.toString());
                addAfter(key, delay);
            } finally {
                sample.stop(Timer.builder("seamless.reconcile").description("reconciles, by queue and outcome")
                        .tag("queue", name).tag("outcome", outcome).register(Metrics.globalRegistry));
                done(key);
            }
        }
    }

    private synchronized String take() {
        while (queue.isEmpty() && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        if (closed) {
            return null;
        }
        String key = queue.removeFirst();
        processing.add(key);
        dirty.remove(key);
        return key;
    }

    private synchronized void done(String key) {
        processing.remove(key);
        if (dirty.contains(key) && !closed) {
            queue.addLast(key);
            notifyAll();
        }
    }

    private static Thread daemon(Runnable runnable, String threadName) {
        Thread thread = new Thread(runnable, threadName);
        thread.setDaemon(true);
        return thread;
    }
}
