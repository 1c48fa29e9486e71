package io.seamless.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamless.command.dispatch.AuditMetadata;
import io.seamless.command.dispatch.CommandDispatcher;
import io.seamless.domain.servicegroup.ServiceGroupCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Issue "History you can prove": a database with {@code -Devents} (10,000) events, then the latency of
 * {@code GET /service-groups/{name}?asOf=<random instant in its life>} over REST ({@code -Dsamples}, 2,000;
 * target p99 under 50 ms) and the speed of verifying its whole chain ({@code GET /audit/verify}), on PostgreSQL,
 * every role in one process. The events are recorded in-process (restarts, one command each) to spare the
 * set-up the REST overhead that other benchmarks measure.
 */
public final class HistoryBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "hist-db";

    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("events", 10_000);
        int samples = Integer.getInteger("samples", 2_000);
        try (BenchEnvironment env = BenchEnvironment.start()) {
            RestClient http = new RestClient(env.baseUrl(), env.adminToken());
            setUp(http);
            Instant born = Instant.now();
            long recording = System.nanoTime();
            record(env.server().getBean(CommandDispatcher.class), events);
            double recordSeconds = (System.nanoTime() - recording) / 1e9;
            Instant grown = Instant.now();
            long lastVersion = awaitVersion(http, events);
            System.out.printf("%d events recorded in %.1f s (%.0f/s, in-process, one writer); projections caught up"
                    + " (version %d)%n", events, recordSeconds, events / recordSeconds, lastVersion);
            asOf(http, born, grown, samples);
            verify(http);
        }
        System.exit(0);
    }

    private static void setUp(RestClient http) throws Exception {
        SingleGroupSetUp.create(http, "hist-net", "10.129.0.0/24", "10.129.0.1", "hist-1", GROUP);
        awaitVersion(http, 1);
    }

    private static void record(CommandDispatcher dispatcher, int events) {
        for (int i = 0; i < events; i++) {
            dispatcher.send(new ServiceGroupCommands.Restart(GROUP, "restart-" + i, null),
                    new AuditMetadata("bench", "history benchmark", null, UUID.randomUUID().toString()));
        }
    }

    /** Waits until the read model shows the group READY at a version of at least {@code atLeast}. */
    private static long awaitVersion(RestClient http, long atLeast) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            RestClient.Answer answer = http.getBody("/api/v1/service-groups/" + GROUP);
            if (answer.status() == 200) {
                JsonNode detail = JSON.readTree(answer.body());
                if ("READY".equals(detail.path("status").asText()) && detail.path("version").asLong() >= atLeast) {
                    return detail.path("version").asLong();
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the read model did not reach version " + atLeast);
    }

    private static void asOf(RestClient http, Instant born, Instant grown, int samples) throws Exception {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        long span = Duration.between(born, grown).toMillis();
        for (int i = 0; i < samples + 200; i++) {
            Instant at = born.plusMillis(ThreadLocalRandom.current().nextLong(span + 1));
            long start = System.nanoTime();
            SingleGroupSetUp.expect(200, http.get("/api/v1/service-groups/" + GROUP + "?asOf=" + at));
            if (i >= 200) {
                latency.recordValue(System.nanoTime() - start);
            }
        }
        System.out.printf("GET ?asOf=<random instant>, %d samples after 200 warm-up: p50 %.2f ms, p99 %.2f ms,"
                + " max %.2f ms (target p99 < 50 ms)%n", samples, ms(latency.getValueAtPercentile(50)),
                ms(latency.getValueAtPercentile(99)), ms(latency.getMaxValue()));
    }

    private static void verify(RestClient http) throws Exception {
        http.getBody("/api/v1/audit/verify?serviceGroup=" + GROUP);
        long start = System.nanoTime();
        RestClient.Answer answer = http.getBody("/api/v1/audit/verify?serviceGroup=" + GROUP);
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonNode report = JSON.readTree(answer.body());
        long events = report.path("events").asLong();
        System.out.printf("GET /audit/verify of %d events: %.2f s, %.0f events/s, intact=%s%n", events, seconds,
                events / seconds, report.path("intact").asText());
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
