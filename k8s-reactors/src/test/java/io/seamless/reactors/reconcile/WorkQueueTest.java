package io.seamless.reactors.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deduplication, "once more after", back-off and its reset. */
class WorkQueueTest {

    private final List<String> handled = new CopyOnWriteArrayList<>();
    private WorkQueue queue;

    @AfterEach
    void close() {
        if (queue != null) {
            queue.close();
        }
    }

    @Test
    void aKeyAddedManyTimesWhilePendingIsHandledOnce() throws InterruptedException {
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        queue = new WorkQueue("test", 1, Backoff.standard(), key -> {
            if (key.equals("blocker")) {
                inFlight.countDown();
                release.await();
            }
            handled.add(key);
        });
        queue.start();
        queue.add("blocker");
        assertThat(inFlight.await(5, TimeUnit.SECONDS)).isTrue();

        for (int i = 0; i < 5; i++) {
            queue.add("a");
        }
        release.countDown();

        await().until(() -> handled.size() == 2);
        queue.add("end");
        await().until(() -> handled.contains("end"));
        assertThat(handled).containsExactly("blocker", "a", "end");
    }

    @Test
    void aKeyAddedWhileBeingHandledIsHandledOnceMoreAfter() throws InterruptedException {
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        queue = new WorkQueue("test", 2, Backoff.standard(), key -> {
            if (runs.incrementAndGet() == 1) {
                inFlight.countDown();
                release.await();
            }
            handled.add(key);
        });
        queue.start();
        queue.add("a");
        assertThat(inFlight.await(5, TimeUnit.SECONDS)).isTrue();

        queue.add("a");
        queue.add("a");
        release.countDown();

        await().until(() -> handled.size() == 2);
        queue.add("end");
        await().until(() -> handled.contains("end"));
        assertThat(handled).containsExactly("a", "a", "end");
    }

    @Test
    void failuresAreRetriedWithGrowingDelaysAndSuccessResetsTheCount() {
        List<Long> attempts = new CopyOnWriteArrayList<>();
        queue = new WorkQueue("test", 1, new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1)), key -> {
            attempts.add(System.nanoTime());
            if (attempts.size() <= 3) {
                throw new IllegalStateException("API server unavailable");
            }
        });
        queue.start();

        queue.add("a");

        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.size() == 4);
        await().until(() -> queue.failures("a") == 0);
        assertThat(gapMillis(attempts, 0)).isGreaterThanOrEqualTo(50);
        assertThat(gapMillis(attempts, 1)).isGreaterThanOrEqualTo(100);
        assertThat(gapMillis(attempts, 2)).isGreaterThanOrEqualTo(200);
    }

    @Test
    void reconcilesAreTimedByOutcomeAndTheDepthIsAGaugeWhileTheQueueRuns() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Metrics.addRegistry(meters);
        try {
            AtomicInteger calls = new AtomicInteger();
            queue = new WorkQueue("metrics-test", 1, new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)),
                    key -> {
                        if (calls.incrementAndGet() == 1) {
                            throw new IllegalStateException("first try fails");
                        }
                    });
            queue.start();
            assertThat(meters.get("seamless.reconcile.queue.depth").tag("queue", "metrics-test").gauge()).isNotNull();

            queue.add("a");

            await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 2 && queue.failures("a") == 0);
            await().untilAsserted(() -> {
                assertThat(reconciles(meters, "error")).isEqualTo(1);
                assertThat(reconciles(meters, "success")).isEqualTo(1);
            });
            queue.close();
            assertThat(meters.find("seamless.reconcile.queue.depth").tag("queue", "metrics-test").gauge()).isNull();
        } finally {
            Metrics.removeRegistry(meters);
        }
    }

    private static long reconciles(SimpleMeterRegistry meters, String outcome) {
        Timer timer = meters.find("seamless.reconcile").tag("queue", "metrics-test").tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void theBackoffDoublesUpToItsMaximum() {
        Backoff backoff = Backoff.standard();

        assertThat(List.of(1, 2, 3, 4, 9, 10, 100)).extracting(backoff::after).containsExactly(
                Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                Duration.ofMillis(25_600), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    private static long gapMillis(List<Long> attempts, int index) {
        return TimeUnit.NANOSECONDS.toMillis(attempts.get(index + 1) - attempts.get(index));
    }
}
