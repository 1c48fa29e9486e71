package io.seamless.bench;

import io.seamless.command.dispatch.AuditMetadata;
import io.seamless.command.dispatch.CommandDispatcher;
import io.seamless.domain.engine.EngineCatalogue;
import io.seamless.domain.servicegroup.ServiceGroupCommands;
import io.seamless.projections.servicegroup.DesiredStateProjector;
import io.seamless.projections.servicegroup.DesiredStateRepository;
import io.seamless.projections.servicegroup.ServiceGroupRepository;
import io.seamless.projections.support.ConsumerSettings;
import io.seamless.projections.support.ProjectionConsumer;
import io.seamless.projections.support.ProjectionSchema;
import io.seamless.projections.support.ProjectionStorage;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Issue "History you can prove": replay throughput of the desired-state projection from offset 0 (exactly what a
 * rebuild runs: the projection's consumer and projector, into a fresh schema of PostgreSQL) against a plain Kafka
 * consumer reading the same topics, in the same run. The history is {@code -Dgroups} service groups (20,000 for
 * the 1,000,000 events) of {@code -DeventsPerGroup} events (50) each: one real group, created through the
 * API and restarted in-process, copied under other names (see {@link ReplayTopics}).
 */
public final class ReplayBenchmark {

    private static final String TEMPLATE = "tpl-db";
    private static final List<String> TOPICS = List.of("seamless.events.cluster", "seamless.events.ippool",
            "seamless.events.servicegroup");

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int groups = Integer.getInteger("groups", 2_000);
        int perGroup = Integer.getInteger("eventsPerGroup", 50);
        if (System.getProperty("serverArgs") == null) {
            System.setProperty("serverArgs", "--seamless.roles=command,projections");
        }
        try (BenchEnvironment env = BenchEnvironment.start()) {
            String bootstrap = env.server().getEnvironment().getProperty("spring.kafka.bootstrap-servers");
            long events = prepare(env, bootstrap, groups, perGroup);
            List<String> topics = TOPICS.stream().map(t -> ReplayTopics.PREFIX + t).toList();
            Measurement plain = plainConsumer(bootstrap, topics, events);
            Measurement replay = desiredStateReplay(env, bootstrap, topics, events);
            System.out.println("== Replay of " + events + " events (" + groups + " service groups of " + perGroup
                    + " events, plus the pool and cluster topics), PostgreSQL");
            System.out.println(throughput(plain));
            System.out.println(throughput(replay));
            System.out.printf("ratio desired-state replay / plain consumer: %.3f (target at least 0.5)%n",
                    replay.perSecond() / plain.perSecond());
        }
        System.exit(0);
    }

    private static long prepare(BenchEnvironment env, String bootstrap, int groups, int perGroup) throws Exception {
        RestClient http = new RestClient(env.baseUrl(), env.adminToken());
        SingleGroupSetUp.create(http, "replay-net", "10.130.0.0/16", "10.130.0.1", "replay-1", TEMPLATE);
        ReplayTopics replayTopics = new ReplayTopics(bootstrap);
        Map<String, List<ConsumerRecord<byte[], byte[]>>> real = awaitTemplate(replayTopics, 2);
        CommandDispatcher dispatcher = env.server().getBean(CommandDispatcher.class);
        int restarts = Math.max(0, perGroup - templateEvents(real));
        for (int i = 0; i < restarts; i++) {
            dispatcher.send(new ServiceGroupCommands.Restart(TEMPLATE, "restart-" + i, null),
                    new AuditMetadata("bench", "replay benchmark", null, UUID.randomUUID().toString()));
        }
        real = awaitTemplate(replayTopics, perGroup);
        long start = System.nanoTime();
        long written = replayTopics.write(real, "seamless.events.servicegroup", TEMPLATE, groups);
        System.out.printf("wrote %d records to the %s* topics in %.1f s (template: %d events)%n", written,
                ReplayTopics.PREFIX, (System.nanoTime() - start) / 1e9, templateEvents(real));
        return written;
    }

    /** Reads the real topics until the template group has at least {@code events} records on them. */
    private static Map<String, List<ConsumerRecord<byte[], byte[]>>> awaitTemplate(ReplayTopics topics, int events)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            Map<String, List<ConsumerRecord<byte[], byte[]>>> real = new LinkedHashMap<>();
            TOPICS.forEach(topic -> real.put(topic, topics.readAll(topic)));
            if (templateEvents(real) >= events) {
                return real;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the template group has " + templateEvents(real) + " events, not "
                        + events);
            }
            Thread.sleep(500);
        }
    }

    private static int templateEvents(Map<String, List<ConsumerRecord<byte[], byte[]>>> real) {
        return (int) real.get("seamless.events.servicegroup").stream()
                .filter(r -> TEMPLATE.equals(new String(r.key()))).count();
    }

    /** A consumer that reads every record and touches its headers and value, as any consumer must. */
    private static Measurement plainConsumer(String bootstrap, List<String> topics, long events) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-plain-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        CpuMeter cpu = CpuMeter.now();
        long start = System.nanoTime();
        long read = 0;
        long bytes = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            while (read < events) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    bytes += record.value().length;
                    for (Header header : record.headers()) {
                        bytes += header.value().length;
                    }
                }
            }
            consumer.commitSync();
        }
        long elapsed = System.nanoTime() - start;
        return new Measurement("plain Kafka consumer (" + bytes / (1 << 20) + " MiB)", read, elapsed,
                Measurement.histogram(), CpuMeter.since(cpu, read));
    }

    /** The desired-state projection as a rebuild runs it, into a fresh schema, until it applied every event. */
    private static Measurement desiredStateReplay(BenchEnvironment env, String bootstrap, List<String> topics,
                                                  long events) throws Exception {
        DataSource dataSource = env.server().getBean(DataSource.class);
        String schema = "bench_replay_" + System.currentTimeMillis();
        new ProjectionSchema(dataSource).migrate(schema);
        ProjectionStorage storage = new ProjectionStorage(dataSource, schema);
        DesiredStateProjector projector = new DesiredStateProjector(
                new ServiceGroupRepository(JdbcClient.create(storage)), new DesiredStateRepository(
                JdbcClient.create(storage)), EngineCatalogue.standard(), () -> { });
        String group = "bench-replay-" + UUID.randomUUID();
        ConsumerSettings settings = new ConsumerSettings("bench-replay", topics,
                ConsumerSettings.kafkaConfig(bootstrap, group, group, Map.of()), Duration.ofMillis(200),
                Duration.ofSeconds(1), Duration.ofSeconds(5));
        ProjectionConsumer consumer = new ProjectionConsumer(settings, projector,
                new DataSourceTransactionManager(storage));
        CpuMeter cpu = CpuMeter.now();
        long start = System.nanoTime();
        consumer.start();
        while (applied(consumer.committedOffsets()) < events) {
            Thread.sleep(50);
        }
        long elapsed = System.nanoTime() - start;
        consumer.stop();
        return new Measurement("desired-state projection replay", events, elapsed, Measurement.histogram(),
                CpuMeter.since(cpu, events));
    }

    /** The topics start at offset 0: the next offsets are the records applied. */
    private static long applied(Map<TopicPartition, Long> next) {
        return next.values().stream().mapToLong(Long::longValue).sum();
    }

    /** No latency here: the figure is events per second. */
    private static String throughput(Measurement measured) {
        return String.format("%-44s %9d events %10.1f events/s   %s", measured.name(), measured.operations(),
                measured.perSecond(), measured.cpu());
    }

}
