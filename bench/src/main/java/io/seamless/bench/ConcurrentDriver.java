package io.seamless.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;

/** Runs one operation from N threads, each its own client, and records every latency. */
final class ConcurrentDriver {

    /** One client's operation number {@code i}; throws on any failure, which ends the benchmark. */
    interface Operation {
        void run(int client, int i) throws Exception;
    }

    private ConcurrentDriver() {
    }

    static Measurement drive(String name, int clients, int perClient, Operation operation) throws Exception {
        return drive(name, clients, perClient, operation, 0);
    }

    /**
     * With {@code intervalNanos} > 0 each client starts operation {@code i} no earlier than
     * {@code i * intervalNanos} after the start (clients staggered), so that all clients together
     * offer a fixed rate; the wait is not part of the recorded latency.
     */
    static Measurement drive(String name, int clients, int perClient, Operation operation, long intervalNanos)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CyclicBarrier start = new CyclicBarrier(clients + 1);
        List<Future<Histogram>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> runClient(client, perClient, operation, start,
                    new Pace(intervalNanos, client * intervalNanos / clients))));
        }
        start.await();
        CpuMeter cpu = CpuMeter.now();
        long began = System.nanoTime();
        Histogram all = Measurement.histogram();
        for (Future<Histogram> result : results) {
            all.add(result.get());
        }
        long elapsed = System.nanoTime() - began;
        pool.shutdown();
        long operations = (long) clients * perClient;
        return new Measurement(name, operations, elapsed, all, CpuMeter.since(cpu, operations));
    }

    private static Histogram runClient(int client, int count, Operation operation, CyclicBarrier start, Pace pace)
            throws Exception {
        Histogram latencies = Measurement.histogram();
        start.await();
        long first = System.nanoTime();
        for (int i = 0; i < count; i++) {
            pace.awaitTurn(first, i);
            long began = System.nanoTime();
            operation.run(client, i);
            latencies.recordValue(System.nanoTime() - began);
        }
        return latencies;
    }

    /** When a client's next operation is due; interval 0 means at once. */
    private record Pace(long intervalNanos, long offsetNanos) {

        void awaitTurn(long first, int i) throws InterruptedException {
            long due = first + offsetNanos + i * intervalNanos;
            for (long wait = due - System.nanoTime(); intervalNanos > 0 && wait > 0; wait = due - System.nanoTime()) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }
}
