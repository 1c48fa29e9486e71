package io.seamless.bench;

import io.seamless.command.dispatch.AuditMetadata;
import io.seamless.command.dispatch.CommandDispatcher;
import io.seamless.domain.ippool.AllocateAddress;
import io.seamless.domain.ippool.CreateIpPool;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.axonframework.common.caching.Cache;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Address allocations through the REST API with concurrent clients against PostgreSQL, next to
 * the baseline of the same database (plain JDBC insert + commit, same number of connections),
 * and the time to load a /16 pool that holds 60,000 allocations. Prints its figures; asserts
 * nothing. Run: see bench/README.md.
 */
public final class AllocationBenchmark {

    private static final AuditMetadata BENCH = new AuditMetadata("bench", null, null, "bench");
    private static final int BIG_POOL_ALLOCATIONS = 60_000;
    private static final int LOAD_ROUNDS = 50;

    private AllocationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("clients", 8);
        int perClient = Integer.getInteger("perClient", 2_500);
        String scenario = System.getProperty("scenario", "all");
        try (BenchEnvironment env = BenchEnvironment.start()) {
            if (!"load".equals(scenario)) {
                measureRest(env, clients, perClient);
            }
            if (!"rest".equals(scenario)) {
                measureLargePoolLoad(env.server());
            }
        }
        System.exit(0);
    }

    private static void measureRest(BenchEnvironment env, int clients, int perClient) throws Exception {
        RestClient http = new RestClient(env.baseUrl(), env.adminToken());
        createPools(env, clients);
        // Long enough for the JIT to finish with the hot paths: until then C2 competes for the two cores.
        drive(env, http, "warm-up", clients, Integer.getInteger("warmup", 3_000), client -> "pool-" + client);
        Measurement spread = drive(env, http, "REST allocations, 1 pool per client", clients, perClient,
                client -> "pool-" + client);
        Measurement shared = drive(env, http, "REST allocations, all clients on 1 pool", clients, perClient / 2,
                client -> "shared");
        Measurement baseline = JdbcInsertBaseline.run(env.postgres().getPostgresDatabase(), clients, perClient);
        report(clients, spread, shared, baseline);
    }

    private static void createPools(BenchEnvironment env, int clients) {
        CommandDispatcher dispatcher = env.server().getBean(CommandDispatcher.class);
        for (int c = 0; c < clients; c++) {
            dispatcher.send(pool("pool-" + c, "10." + (100 + c) + ".0.0/16"), BENCH);
        }
        dispatcher.send(pool("shared", "10.99.0.0/16"), BENCH);
    }

    private static CreateIpPool pool(String name, String cidr) {
        return new CreateIpPool(name, cidr, cidr.replace("0.0/16", "0.1"), List.of(), null, "calico", "bench");
    }

    private static Measurement drive(BenchEnvironment env, RestClient http, String name, int clients, int perClient,
                                     java.util.function.IntFunction<String> poolOf) throws Exception {
        return ConcurrentDriver.drive(name, clients, perClient, (client, i) -> {
            int status = http.postJson("/api/v1/ip-pools/" + poolOf.apply(client) + "/allocations",
                    "{\"unit\": \"" + unit(name, client, i) + "\"}");
            if (status != 201) {
                throw new IllegalStateException("allocation refused with HTTP status " + status);
            }
        });
    }

    /** Unit ids unique per phase, client and operation, and valid DNS-1123 names. */
    private static String unit(String phase, int client, int i) {
        return Integer.toHexString(phase.hashCode()) + "-c" + client + "-u" + i;
    }

    private static void report(int clients, Measurement spread, Measurement shared, Measurement baseline) {
        System.out.println();
        System.out.println("== Address allocation through the REST API, PostgreSQL event store, " + clients + " clients");
        System.out.println(spread.line());
        System.out.println(shared.line());
        System.out.println(baseline.line());
        System.out.printf("ratio to baseline (1 pool per client):      %.2f%n", spread.perSecond() / baseline.perSecond());
        System.out.printf("ratio to baseline (all clients on 1 pool):  %.2f%n", shared.perSecond() / baseline.perSecond());
    }

    /** Fills a /16 with 60,000 allocations, then times loading it from the store (snapshot + tail) repeatedly. */
    private static void measureLargePoolLoad(ConfigurableApplicationContext server) {
        CommandDispatcher dispatcher = server.getBean(CommandDispatcher.class);
        dispatcher.send(pool("big-net", "10.200.0.0/16"), BENCH);
        long filling = System.nanoTime();
        for (int i = 0; i < BIG_POOL_ALLOCATIONS; i++) {
            dispatcher.send(new AllocateAddress("big-net", "big-unit-" + i), BENCH);
        }
        double fillSeconds = (System.nanoTime() - filling) / 1e9;
        Cache cache = server.getBean("ipPoolCache", Cache.class);
        Histogram loads = Measurement.histogram();
        long first = 0;
        for (int round = 0; round < LOAD_ROUNDS; round++) {
            cache.removeAll();
            long began = System.nanoTime();
            dispatcher.send(new AllocateAddress("big-net", "big-unit-7"), BENCH);
            long took = System.nanoTime() - began;
            first = round == 0 ? took : first;
            loads.recordValue(took);
        }
        long snapshotBytes = server.getBean(JdbcClient.class)
                .sql("SELECT MAX(LENGTH(payload)) FROM snapshot_event_entry WHERE aggregate_identifier = 'big-net'")
                .query(Long.class).single();
        System.out.println();
        System.out.println("== A /16 pool holding " + BIG_POOL_ALLOCATIONS + " allocations");
        System.out.printf("filled in %.1f s (%.0f allocations/s, one writer, in-process commands)%n", fillSeconds,
                BIG_POOL_ALLOCATIONS / fillSeconds);
        System.out.printf("load from snapshot + tail, then an idempotent allocate, cache emptied before each of %d"
                + " loads:%n  p50 %.1f ms, p99 %.1f ms, first (cold JIT) %.1f ms; snapshot %d KiB%n", LOAD_ROUNDS,
                loads.getValueAtPercentile(50) / 1e6, loads.getValueAtPercentile(99) / 1e6, first / 1e6,
                snapshotBytes / 1024);
    }
}
