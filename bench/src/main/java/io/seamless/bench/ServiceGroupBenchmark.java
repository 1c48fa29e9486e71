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
import org.HdrHistogram.Histogram;
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
    private static final int CLUSTERS = 10;
    private static final String[][] SITES = {{"beijing", "a"}, {"beijing", "b"}, {"shanghai", "a"},
        {"shanghai", "b"}, {"shenzhen", "a"}};

    private ServiceGroupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("clients", 8);
        int groups = Integer.getInteger("groups", 1_000);
        int warmup = Integer.getInteger("warmup", 200);
        try (BenchEnvironment env = BenchEnvironment.start()) {
            RestClient http = new RestClient(env.baseUrl());
            setUp(http);
            Map<String, Long> sent = new ConcurrentHashMap<>();
            Histogram toDesiredState = Measurement.histogram();
            CountDownLatch complete = new CountDownLatch(warmup + groups);
            Thread watcher = watch(env, sent, toDesiredState, complete);
            create(http, "warm-up", clients, warmup, sent);
            awaitArrivals(complete, groups, Duration.ofMinutes(2));
            toDesiredState.reset();
            Measurement accepted = create(http, "REST service-group creations", clients, groups, sent);
            boolean all = complete.await(5, TimeUnit.MINUTES);
            watcher.interrupt();
            report(clients, accepted, toDesiredState, all);
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

    private static void setUp(RestClient http) throws Exception {
        expect(201, http.postJson("/api/v1/ip-pools", "{\"name\": \"bench-net\", \"cidr\": \"10.128.0.0/16\","
                + " \"gateway\": \"10.128.0.1\", \"cniMode\": \"calico\", \"network\": \"calico-bench\"}"));
        for (int c = 0; c < CLUSTERS; c++) {
            String[] site = SITES[c % SITES.length];
            expect(201, http.postJson("/api/v1/clusters", "{\"name\": \"bench-" + c + "\", \"site\": \"" + site[0]
                    + "\", \"zone\": \"" + site[1] + "\", \"capacity\": {\"cpu\": \"2000\", \"memory\": \"8Ti\","
                    + " \"storage\": \"1Pi\"}, \"ipPools\": [\"bench-net\"]}"));
        }
    }

    private static Measurement create(RestClient http, String phase, int clients, int groups,
                                      Map<String, Long> sent) throws Exception {
        String prefix = "g" + UUID.randomUUID().toString().substring(0, 6);
        return ConcurrentDriver.drive(phase, clients, groups / clients, (client, i) -> {
            String name = prefix + "-" + client + "-" + i;
            sent.put(name, System.nanoTime());
            expect(202, http.postJson("/api/v1/service-groups", "{\"name\": \"" + name + "\", \"engine\": \"mysql\","
                    + " \"version\": \"8.0.36\", \"topology\": \"innodb-cluster\", \"services\": {\"mysqld\":"
                    + " {\"replicas\": 3, \"resources\": {\"cpu\": \"500m\", \"memory\": \"1Gi\"}, \"storage\":"
                    + " {\"size\": \"10Gi\"}, \"ipPool\": \"bench-net\"}, \"router\": {\"replicas\": 2,"
                    + " \"ipPool\": \"bench-net\"}}}"));
        });
    }

    /** Records, per group, when its first complete (READY) desired-state record arrives. */
    private static Thread watch(BenchEnvironment env, Map<String, Long> sent, Histogram latencies,
                                CountDownLatch complete) {
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
                while (!Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        Long began = sent.get(record.key());
                        if (began != null && ready(record.value()) && sent.remove(record.key()) != null) {
                            latencies.recordValue(System.nanoTime() - began);
                            complete.countDown();
                        }
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                // the benchmark is over
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

    private static void expect(int wanted, int status) {
        if (status != wanted) {
            throw new IllegalStateException("expected HTTP " + wanted + ", got " + status);
        }
    }

    private static void report(int clients, Measurement accepted, Histogram toDesiredState, boolean all) {
        System.out.println();
        System.out.println("== Service groups of 5 units across " + CLUSTERS + " clusters, PostgreSQL, " + clients
                + " clients");
        System.out.println(accepted.line());
        System.out.printf("command -> READY desired-state record:   %d groups   p50 %7.2f ms   p99 %7.2f ms%s%n",
                toDesiredState.getTotalCount(), toDesiredState.getValueAtPercentile(50) / 1e6,
                toDesiredState.getValueAtPercentile(99) / 1e6, all ? "" : "   (NOT ALL GROUPS ARRIVED)");
    }
}
