package io.seamless.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamless.command.dispatch.AuditMetadata;
import io.seamless.command.dispatch.CommandDispatcher;
import io.seamless.domain.common.DomainException;
import io.seamless.domain.ippool.AddressAssignment;
import io.seamless.domain.ippool.AllocateAddress;
import io.seamless.domain.ippool.CreateIpPool;
import io.seamless.domain.ippool.IpPoolError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamless.schemas.EventHashes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Two command-side nodes (two independent Spring contexts, each with its own Axon, cache and
 * connection pool) on one real PostgreSQL, allocating from one pool at the same time: the event
 * store's unique (aggregate, sequence) key and the retried conflicts must never let one address
 * go to two units.
 */
class PostgresTwoWriterRaceTest {

    private static final AuditMetadata AUDIT = new AuditMetadata("race-test", null, null, "race");
    private static final int THREADS_PER_NODE = 3;
    private static final int UNITS_PER_THREAD = 60;

    private static EmbeddedPostgres postgres;
    private static EmbeddedKafkaKraftBroker kafka;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.afterPropertiesSet();
        nodeA = node("a");
        nodeB = node("b");
    }

    @AfterAll
    static void stop() throws Exception {
        nodeA.close();
        nodeB.close();
        kafka.destroy();
        postgres.close();
    }

    @Test
    void concurrentAllocationsOnTwoNodesNeverHandOutAnAddressTwice() throws Exception {
        dispatcher(nodeA).send(new CreateIpPool("race-net", "10.80.0.0/22", "10.80.0.1", List.of(), null,
                "calico", "race"), AUDIT);
        int writers = 2 * THREADS_PER_NODE;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<List<AddressAssignment>>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            CommandDispatcher dispatcher = dispatcher(w % 2 == 0 ? nodeA : nodeB);
            results.add(pool.submit(allocations(dispatcher, "w" + w, start)));
        }
        List<String> addresses = new ArrayList<>();
        for (Future<List<AddressAssignment>> result : results) {
            result.get(5, TimeUnit.MINUTES).forEach(assignment -> addresses.add(assignment.address()));
        }
        pool.shutdown();

        assertThat(addresses).hasSize(writers * UNITS_PER_THREAD).doesNotHaveDuplicates();
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = 'race-net'")
                .query(Long.class).single()).isEqualTo(1L + writers * UNITS_PER_THREAD);
        assertUnbrokenHashChain(jdbc, "race-net");
        assertThat(jdbc.sql("SELECT data_type FROM information_schema.columns WHERE table_name = 'domain_event_entry'"
                + " AND column_name = 'payload'").query(String.class).single()).isEqualTo("bytea");
    }

    @Test
    void overlappingPoolsCreatedOnTwoNodesAtOnceOnlyOneWins() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<String> a = pool.submit(create(dispatcher(nodeA), "left-net", "10.90.0.0/16", start));
        Future<String> b = pool.submit(create(dispatcher(nodeB), "right-net", "10.90.128.0/17", start));
        List<String> outcomes = List.of(a.get(1, TimeUnit.MINUTES), b.get(1, TimeUnit.MINUTES));
        pool.shutdown();
        assertThat(outcomes).containsExactlyInAnyOrder("created", IpPoolError.IP_POOL_OVERLAP.name());
    }

    /** Two nodes, each remembering chain heads, still produce one unbroken chain. */
    private static void assertUnbrokenHashChain(JdbcClient jdbc, String aggregate) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<byte[]> metaData = jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number").param(aggregate).query((rows, row) -> rows.getBytes(1)).list();
        String previous = EventHashes.GENESIS;
        for (byte[] meta : metaData) {
            JsonNode node = json.readTree(meta);
            assertThat(node.path("prevhash").asText()).isEqualTo(previous);
            previous = node.path("hash").asText();
            assertThat(previous).matches("[0-9a-f]{64}");
        }
    }

    private static Callable<List<AddressAssignment>> allocations(CommandDispatcher dispatcher, String writer,
                                                                 CyclicBarrier start) {
        return () -> {
            start.await();
            List<AddressAssignment> assigned = new ArrayList<>();
            for (int i = 0; i < UNITS_PER_THREAD; i++) {
                assigned.add(dispatcher.<AddressAssignment>send(new AllocateAddress("race-net", writer + "-" + i), AUDIT)
                        .result());
            }
            return assigned;
        };
    }

    private static Callable<String> create(CommandDispatcher dispatcher, String name, String cidr, CyclicBarrier start) {
        return () -> {
            start.await();
            try {
                dispatcher.send(new CreateIpPool(name, cidr, cidr.replaceFirst("0/\\d+$", "1"), List.of(), null,
                        "calico", "shared-net"), AUDIT);
                return "created";
            } catch (DomainException e) {
                return e.errorCode().name();
            }
        };
    }

    private static CommandDispatcher dispatcher(ConfigurableApplicationContext node) {
        return node.getBean(CommandDispatcher.class);
    }

    private static ConfigurableApplicationContext node(String name) {
        return new SpringApplicationBuilder(CommandSideTestApplication.class)
                .properties("spring.main.web-application-type=none",
                        "spring.application.name=node-" + name,
                        "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "spring.datasource.username=postgres",
                        "spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                        "spring.jmx.enabled=false")
                .run();
    }
}
