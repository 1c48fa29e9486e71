package io.seamless.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Creates service groups of 5 units (MySQL InnoDB Cluster: 3 mysqld + 2 routers) across 10
 * registered clusters through the REST API, against PostgreSQL, and measures the groups accepted
 * per second and the time from sending the command to the group's complete desired-state record
 * (status READY, every unit addressed) on {@code seamless.desired-state}. Prints its figures;
 * asserts nothing. Run: see bench/README.md.
 */
public final class ServiceGroupBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int CLUSTERS = 10;
    private static final String[][] SITES = {{"beijing", "a"}, {"beijing", "b"}, {"shanghai", "a"},
        {"shanghai", "b"}, {"shenzhen", "a"}};

    private ServiceGroupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("clients", 8);
        int groups = Integer.getInteger("groups", 1_000);
        int warmup = Integer.getInteger("warmup", 200);
        int paced = Integer.getInteger("paced", 400);
        double rate = Double.parseDouble(System.getProperty("rate", "20"));
        try (BenchEnvironment env = BenchEnvironment.start()) {
            RestClient http = new RestClient(env.baseUrl(), env.adminToken());
            setUp(http);
            Map<String, Long> sent = new ConcurrentHashMap<>();
            // written by the watcher thread, reset and read by this one
            Histogram toDesiredState = new SynchronizedHistogram(TimeUnit.MINUTES.toNanos(10), 3);
            CountDownLatch complete = new CountDownLatch(warmup + groups + paced);
            AtomicBoolean watching = new AtomicBoolean(true);
            Thread watcher = watch(env, sent, toDesiredState, complete, watching);
            create(http, "warm-up", clients, warmup, sent, 0);
            awaitArrivals(complete, groups + paced, Duration.ofMinutes(2));
            toDesiredState.reset();
            Measurement flatOut = create(http, "REST service-group creations, flat out", clients, groups, sent, 0);
            awaitArrivals(complete, paced, Duration.ofMinutes(5));
            Histogram flatOutLatency = toDesiredState.copy();
            toDesiredState.reset();
            Measurement atRate = create(http, "REST service-group creations at " + rate + "/s", clients, paced, sent,
                    rate);
            boolean all = complete.await(5, TimeUnit.MINUTES);
            watching.set(false);
            watcher.join();
            report(clients, flatOut, flatOutLatency, atRate, toDesiredState, all);
        }
        System.exit(0);
    }

    /** Lets the warm-up's records arrive before measuring, so that none is counted with the measured ones. */
    private static void awaitArrivals(CountDownLatch complete, int remaining, Duration atMost)
            throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (complete.getCount() > remaining && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** The IP pool {@code bench-net} (a /16, calico) and {@link #CLUSTERS} clusters on 5 site/zone pairs. */
    static void setUp(RestClient http) throws Exception {
        expect(201, http.postJson("/api/v1/ip-pools", "{\"name\": \"bench-net\", \"cidr\": \"10.128.0.0/16\","
                + " \"gateway\": \"10.128.0.1\", \"cniMode\": \"calico\", \"network\": \"calico-bench\"}"));
        for (int c = 0; c < CLUSTERS; c++) {
            String[] site = SITES[c % SITES.length];
            expect(201, http.postJson("/api/v1/clusters", "{\"name\": \"" + clusterName(c) + "\", \"site\": \""
                    + site[0] + "\", \"zone\": \"" + site[1] + "\", \"capacity\": {\"cpu\": \"2000\", \"memory\": \"8Ti\","
                    + " \"storage\": \"1Pi\"}, \"ipPools\": [\"bench-net\"]}"));
        }
    }

    /** {@code rate} 0: each client sends as soon as its previous group was accepted; else paced to that rate. */
    private static Measurement create(RestClient http, String phase, int clients, int groups,
                                      Map<String, Long> sent, double rate) throws Exception {
        String prefix = "g" + UUID.randomUUID().toString().substring(0, 6);
        long interval = rate > 0 ? (long) (clients * 1e9 / rate) : 0;
        return ConcurrentDriver.drive(phase, clients, groups / clients, (client, i) -> {
            String name = prefix + "-" + client + "-" + i;
            sent.put(name, System.nanoTime());
            expect(202, http.postJson("/api/v1/service-groups", groupJson(name)));
        }, interval);
    }

    /** The name of registered cluster {@code c}. */
    static String clusterName(int c) {
        return "bench-" + c;
    }

    /** A MySQL InnoDB Cluster group of 5 units (3 mysqld + 2 routers) on {@code bench-net}. */
    static String groupJson(String name) {
        return "{\"name\": \"" + name + "\", \"engine\": \"mysql\","
                + " \"version\": \"8.0.36\", \"topology\": \"innodb-cluster\", \"services\": {\"mysqld\":"
                + " {\"replicas\": 3, \"resources\": {\"cpu\": \"500m\", \"memory\": \"1Gi\"}, \"storage\":"
                + " {\"size\": \"10Gi\"}, \"ipPool\": \"bench-net\"}, \"router\": {\"replicas\": 2,"
                + " \"ipPool\": \"bench-net\"}}}";
    }

    /** Records, per group, when its first complete (READY) desired-state record arrives. */
    private static Thread watch(BenchEnvironment env, Map<String, Long> sent, Histogram latencies,
                                CountDownLatch complete, AtomicBoolean watching) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                env.server().getEnvironment().getProperty("spring.kafka.bootstrap-servers"));
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of("seamless.desired-state"));
        consumer.poll(Duration.ofSeconds(5)); // joins the group before the first command is sent
        Thread watcher = new Thread(() -> {
            try (consumer) {
                while (watching.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        Long began = sent.get(record.key());
                        if (began != null && ready(record.value()) && sent.remove(record.key()) != null) {
                            latencies.recordValue(System.nanoTime() - began);
                            complete.countDown();
                        }
                    }
                }
            }
        }, "bench-desired-state-watcher");
        watcher.start();
        return watcher;
    }

    private static boolean ready(byte[] document) {
        try {
            JsonNode doc = JSON.readTree(document);
            return doc != null && "READY".equals(doc.path("status").asText());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static void expect(int wanted, int status) {
        if (status != wanted) {
            throw new IllegalStateException("expected HTTP " + wanted + ", got " + status);
        }
    }

    private static void report(int clients, Measurement flatOut, Histogram flatOutLatency, Measurement atRate,
                               Histogram atRateLatency, boolean all) {
        System.out.println();
        System.out.println("== Service groups of 5 units across " + CLUSTERS + " clusters, PostgreSQL, " + clients
                + " clients");
        System.out.println(flatOut.line());
        System.out.println(latency("  command -> READY desired-state record", flatOutLatency, true));
        System.out.println(atRate.line());
        System.out.println(latency("  command -> READY desired-state record", atRateLatency, all));
    }

    private static String latency(String name, Histogram latencies, boolean all) {
        return String.format("%-44s %9d groups  p50 %8.2f ms   p99 %8.2f ms%s", name, latencies.getTotalCount(),
                latencies.getValueAtPercentile(50) / 1e6, latencies.getValueAtPercentile(99) / 1e6,
                all ? "" : "   (NOT ALL GROUPS ARRIVED)");
    }
}
