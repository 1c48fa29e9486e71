package io.seamless.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.springframework.core.env.Environment;

/**
 * The whole loop, from the Command API to Kubernetes: creates service groups of 5 units (MySQL InnoDB Cluster: 3
 * mysqld + 2 routers) across 10 registered clusters through the REST API, against PostgreSQL, with every role in
 * one process and each cluster a sandbox (fabric8's mock API server). Times, per unit, from the moment its
 * creating command was accepted (HTTP 202 received) to the moment its Pod exists in its cluster's sandbox, seen by
 * a watch on that sandbox's Pods ({@link SandboxPods}); and units per second from the first command sent to the
 * last Pod seen. A Pod the Unit controller creates before the unit's address is known is deleted and created again
 * pinned to it: both the first sight and the Pod on its address are timed. Prints its figures; asserts nothing.
 * Run: see bench/README.md.
 */
public final class ReactorBenchmark {

    private static final int UNITS_PER_GROUP = 5;

    /** The time from accepted to a Pod of every unit of a phase, and when the last of those Pods was seen. */
    private record Latencies(Histogram histogram, long last) {
    }

    /** One measured phase: the REST calls, then per unit the time to its Pod. */
    private record Phase(Measurement rest, Latencies present, Latencies pinned, long firstSent, int createdUnpinned,
                         String cpu, boolean all) {
    }

    private ReactorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("clients", 8);
        int groups = Integer.getInteger("groups", 200);
        int warmup = Integer.getInteger("warmup", 40);
        // 2 groups/s (10 units/s): below the 12 units/s the first run reached flat out (bench/README.md).
        int paced = Integer.getInteger("paced", 80);
        double rate = Double.parseDouble(System.getProperty("rate", "2"));
        Duration atMost = Duration.ofSeconds(Long.getLong("timeoutSeconds", 300));
        try (BenchEnvironment env = BenchEnvironment.start()) {
            RestClient http = new RestClient(env.baseUrl(), env.adminToken());
            ServiceGroupBenchmark.setUp(http);
            List<String> clusters = IntStream.range(0, ServiceGroupBenchmark.CLUSTERS)
                    .mapToObj(ServiceGroupBenchmark::clusterName).toList();
            try (SandboxPods pods = SandboxPods.watch(sandboxDirectory(env), clusters, namespace(env),
                    Duration.ofMinutes(2))) {
                run(http, pods, "warm-up", clients, warmup, 0, atMost);
                Phase flatOut = run(http, pods, "REST service-group creations, flat out", clients, groups, 0, atMost);
                Phase atRate = paced <= 0 ? null : run(http, pods, "REST service-group creations at " + rate + "/s",
                        clients, paced, rate, atMost);
                report(clients, clusters.size(), flatOut, atRate);
            }
        }
        System.exit(0);
    }

    /** {@code rate} 0: each client sends as soon as its previous group was accepted; else paced to that rate. */
    private static Phase run(RestClient http, SandboxPods pods, String name, int clients, int groups, double rate,
                             Duration atMost) throws Exception {
        String prefix = "r" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        AtomicLong firstSent = new AtomicLong(Long.MAX_VALUE);
        long interval = rate > 0 ? (long) (clients * 1e9 / rate) : 0;
        CpuMeter cpu = CpuMeter.now();
        Measurement rest = ConcurrentDriver.drive(name, clients, groups / clients, (client, i) -> {
            String group = prefix + "-" + client + "-" + i;
            firstSent.accumulateAndGet(System.nanoTime(), Math::min);
            ServiceGroupBenchmark.expect(202, http.postJson("/api/v1/service-groups",
                    ServiceGroupBenchmark.groupJson(group)));
            accepted.put(group, System.nanoTime());
        }, interval);
        int units = accepted.size() * UNITS_PER_GROUP;
        boolean all = pods.awaitPinned(accepted.keySet(), units, atMost);
        String cpuPerUnit = CpuMeter.since(cpu, units).replace("ms/op", "ms/unit");
        return phase(rest, accepted, pods.of(accepted.keySet()), firstSent.get(), cpuPerUnit, all);
    }

    private static Phase phase(Measurement rest, Map<String, Long> accepted, List<SandboxPods.Seen> seen,
                               long firstSent, String cpu, boolean all) {
        Histogram present = histogram();
        Histogram pinned = histogram();
        long lastPresent = 0;
        long lastPinned = 0;
        int createdUnpinned = 0;
        for (SandboxPods.Seen pod : seen) {
            long at = accepted.get(pod.group());
            // A Pod seen before the 202 reached the client (it can, on a saturated machine) counts as 0.
            present.recordValue(Math.max(0, pod.present() - at));
            lastPresent = Math.max(lastPresent, pod.present());
            if (pod.pinned() != 0) {
                pinned.recordValue(Math.max(0, pod.pinned() - at));
                lastPinned = Math.max(lastPinned, pod.pinned());
            }
            if (pod.pinned() != pod.present()) {
                createdUnpinned++;
            }
        }
        return new Phase(rest, new Latencies(present, lastPresent), new Latencies(pinned, lastPinned), firstSent,
                createdUnpinned, cpu, all);
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.HOURS.toNanos(1), 3);
    }

    private static Path sandboxDirectory(BenchEnvironment env) {
        Environment settings = env.server().getEnvironment();
        String configured = settings.getProperty("seamless.reactors.sandbox.directory");
        return configured != null ? Path.of(configured)
                : Path.of(settings.getProperty("seamless.data-dir", "./data")).resolve("sandbox");
    }

    private static String namespace(BenchEnvironment env) {
        return env.server().getEnvironment().getProperty("seamless.reactors.namespace", "seamless");
    }

    private static void report(int clients, int clusters, Phase flatOut, Phase atRate) {
        System.out.println();
        System.out.println("== Service groups of " + UNITS_PER_GROUP + " units across " + clusters
                + " sandbox clusters, command accepted -> Pod, PostgreSQL, " + clients + " clients");
        print(flatOut);
        if (atRate != null) {
            print(atRate);
        }
    }

    private static void print(Phase phase) {
        long units = phase.present().histogram().getTotalCount();
        System.out.println(phase.rest().line());
        System.out.println(latency("  command accepted -> Pod present", phase.present(), phase.all()));
        System.out.println(latency("  command accepted -> Pod on its address", phase.pinned(), phase.all()));
        double presentSeconds = (phase.present().last() - phase.firstSent()) / 1e9;
        double pinnedSeconds = (phase.pinned().last() - phase.firstSent()) / 1e9;
        System.out.printf("  first command sent -> last Pod: %d units in %.2f s, %.1f units/s"
                        + " (on its address: %d in %.2f s, %.1f units/s)%n", units, presentSeconds,
                units / presentSeconds, phase.pinned().histogram().getTotalCount(), pinnedSeconds,
                phase.pinned().histogram().getTotalCount() / pinnedSeconds);
        System.out.printf("  Pods created before their address (then deleted and created again): %d of %d%n",
                phase.createdUnpinned(), units);
        System.out.println("  from the first command to the last Pod on its address: " + phase.cpu());
    }

    private static String latency(String name, Latencies latencies, boolean all) {
        Histogram histogram = latencies.histogram();
        return String.format("%-44s %9d units  p50 %8.2f ms   p99 %8.2f ms   max %8.2f ms%s", name,
                histogram.getTotalCount(), histogram.getValueAtPercentile(50) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6, histogram.getMaxValue() / 1e6,
                all ? "" : "   (NOT ALL PODS SEEN)");
    }
}
