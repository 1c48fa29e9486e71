package io.seamless.projections.ippool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seamless.projections.CloudEventRecords;
import io.seamless.projections.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The IP pool projection against a real broker and a real database; each subclass brings its database.
 * Every test has its own topic, consumer groups and databases.
 */
abstract class IpPoolProjectionContractTest {

    private static final AtomicInteger GROUPS = new AtomicInteger();

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private String topic;
    private IpPoolEventFixtures events;

    /** A new, empty database. */
    protected abstract DataSource freshDatabase();

    @BeforeEach
    void newTopic() {
        topic = TestKafka.newTopic("ippool", 3);
        events = new IpPoolEventFixtures(topic);
    }

    @AfterEach
    void stop() throws Exception {
        while (!resources.isEmpty()) {
            resources.pop().close();
        }
    }

    @Test
    void poolsAndAllocationsAppear() {
        RunningProjection live = startProjection(freshDatabase());

        send(events.created("orders-net", 0, "10.20.0.0/24", 120, 245),
                events.allocated("orders-net", 1, "orders-mysql-0", "10.20.0.10"),
                events.allocated("orders-net", 2, "orders-mysql-1", "10.20.0.11"),
                events.reserved("orders-net", 3, "orders-mysql-2", "10.20.0.50"),
                events.released("orders-net", 4, "orders-mysql-1", "10.20.0.11"),
                events.created("billing-net", 0, "10.30.0.0/24", null, 245));
        eventually().until(live::versions, versions -> versions.equals(Map.of("billing-net", 0L, "orders-net", 4L)));

        assertThat(live.repository.findActivePools()).containsExactly(
                new PoolView("billing-net", "10.30.0.0/24", "10.30.0.1", List.of("10.30.0.2-10.30.0.9"), null,
                        "calico", "calico-billing-net", 245, 0, 0),
                new PoolView("orders-net", "10.20.0.0/24", "10.20.0.1", List.of("10.20.0.2-10.20.0.9"), 120,
                        "calico", "calico-orders-net", 245, 2, 4));
        assertThat(live.repository.findAllocations("orders-net")).containsExactlyInAnyOrder(
                new AllocationView("orders-mysql-0", "10.20.0.10", "allocated", 1),
                new AllocationView("orders-mysql-2", "10.20.0.50", "reserved", 3));
    }

    @Test
    void aDeletedPoolIsNoLongerListedButKeepsItsRow() {
        RunningProjection live = startProjection(freshDatabase());

        send(events.created("edge-net", 0, "10.40.0.0/24", 7, 245),
                events.allocated("edge-net", 1, "edge-redis-0", "10.40.0.10"),
                events.released("edge-net", 2, "edge-redis-0", "10.40.0.10"),
                events.deleted("edge-net", 3));
        eventually().until(() -> live.version("edge-net"), version -> version == 3);

        assertThat(live.repository.findActivePools()).isEmpty();
        assertThat(live.repository.findActivePool("edge-net")).isEmpty();
        assertThat(live.repository.findAllocations("edge-net")).isEmpty();
    }

    @Test
    void redeliveredEventsChangeNothing() {
        RunningProjection live = startProjection(freshDatabase());
        List<ProducerRecord<String, byte[]>> history = List.of(
                events.created("orders-net", 0, "10.20.0.0/24", 120, 245),
                events.allocated("orders-net", 1, "orders-mysql-0", "10.20.0.10"),
                events.reserved("orders-net", 2, "orders-mysql-1", "10.20.0.50"),
                events.released("orders-net", 3, "orders-mysql-0", "10.20.0.10"));
        send(history);
        eventually().until(() -> live.version("orders-net"), version -> version == 3);

        send(history);
        send(events.allocated("orders-net", 4, "orders-mysql-2", "10.20.0.10"));
        eventually().until(() -> live.version("orders-net"), version -> version == 4);

        assertThat(live.repository.findAllocations("orders-net")).containsExactlyInAnyOrder(
                new AllocationView("orders-mysql-1", "10.20.0.50", "reserved", 2),
                new AllocationView("orders-mysql-2", "10.20.0.10", "allocated", 4));
        assertThat(live.repository.findActivePool("orders-net")).get()
                .extracting(PoolView::allocated, PoolView::version).containsExactly(2L, 4L);
    }

    @Test
    void anUnknownEventTypeIsSkippedAndLaterEventsStillApply() {
        RunningProjection live = startProjection(freshDatabase());

        send(events.created("orders-net", 0, "10.20.0.0/24", 120, 245),
                events.event("io.seamless.ippool.AddressQuarantined.v1", "orders-net", 1,
                        "{\"pool\": \"orders-net\", \"address\": \"10.20.0.99\"}"),
                events.event("io.seamless.ippool.AddressAllocated.v2", "orders-net", 2,
                        "{\"pool\": \"orders-net\", \"unit\": \"orders-mysql-9\", \"addresses\": [\"10.20.0.99\"]}"),
                events.allocated("orders-net", 3, "orders-mysql-0", "10.20.0.10"));
        eventually().until(() -> live.version("orders-net"), version -> version == 3);

        assertThat(live.repository.findAllocations("orders-net")).containsExactly(
                new AllocationView("orders-mysql-0", "10.20.0.10", "allocated", 3));
    }

    @Test
    void malformedRecordsAreSkippedAndLaterEventsStillApply() {
        RunningProjection live = startProjection(freshDatabase());
        ProducerRecord<String, byte[]> allocated = events.allocated("orders-net", 1, "orders-mysql-0", "10.20.0.10");

        // Each bad record claims sequence 1: had one been applied, the good one would be ignored as a redelivery.
        send(events.created("orders-net", 0, "10.20.0.0/24", 120, 245),
                CloudEventRecords.withValue(allocated, "{\"pool\": \"orders-n".getBytes(StandardCharsets.UTF_8)),
                CloudEventRecords.without(allocated, "ce_subject"),
                CloudEventRecords.withValue(allocated, null),
                events.event(IpPoolEvents.ADDRESS_ALLOCATED, "orders-net", 1,
                        "{\"pool\": \"orders-net\", \"address\": \"10.20.0.12\"}"),
                events.event(IpPoolEvents.ADDRESS_ALLOCATED, "orders-net", 1,
                        "{\"pool\": \"billing-net\", \"unit\": \"orders-mysql-5\", \"address\": \"10.20.0.13\"}"),
                allocated);
        eventually().until(() -> live.version("orders-net"), version -> version == 1);

        assertThat(live.repository.findAllocations("orders-net")).containsExactly(
                new AllocationView("orders-mysql-0", "10.20.0.10", "allocated", 1));
        assertThat(live.repository.findActivePool("orders-net")).get()
                .extracting(PoolView::allocated).isEqualTo(1L);
    }

    @Test
    void aFreshGroupAndAFreshDatabaseRebuildExactlyTheSameRows() {
        RunningProjection live = startProjection(freshDatabase());
        List<RecordMetadata> sent = TestKafka.send(eventfulHistory());
        Map<String, Long> finalVersions = Map.of("orders-net", 6L, "cache-net", 3L, "search-net", 2L);
        eventually().until(live::versions, finalVersions::equals);

        RunningProjection rebuilt = startProjection(freshDatabase());
        eventually().until(rebuilt::versions, finalVersions::equals);

        assertThat(sent).extracting(RecordMetadata::partition).containsOnly(0, 1, 2);
        assertThat(rebuilt.dump()).isEqualTo(live.dump());
        assertThat(live.dump().get("ip_allocation_view")).hasSize(5);
    }

    /** Three pools, one per partition, with redeliveries, an unknown type and a malformed record. */
    private List<ProducerRecord<String, byte[]>> eventfulHistory() {
        ProducerRecord<String, byte[]> allocated = events.allocated("orders-net", 1, "orders-mysql-0", "10.20.0.10");
        return List.of(
                events.created("orders-net", 0, "10.20.0.0/24", 120, 245),
                events.created("cache-net", 0, "10.50.0.0/24", null, 245),
                allocated,
                events.allocated("cache-net", 1, "cache-redis-0", "10.50.0.10"),
                events.allocated("orders-net", 2, "orders-mysql-1", "10.20.0.11"),
                allocated,
                CloudEventRecords.withValue(allocated, "not json".getBytes(StandardCharsets.UTF_8)),
                events.created("search-net", 0, "10.60.0.0/24", 7, 245),
                events.reserved("orders-net", 3, "orders-mysql-2", "10.20.0.100"),
                events.event("io.seamless.ippool.PoolResized.v1", "orders-net", 4, "{\"pool\": \"orders-net\"}"),
                events.released("cache-net", 2, "cache-redis-0", "10.50.0.10"),
                events.released("orders-net", 5, "orders-mysql-0", "10.20.0.10"),
                events.deleted("cache-net", 3),
                events.reserved("search-net", 1, "search-es-0", "10.60.0.20"),
                events.allocated("search-net", 2, "search-es-1", "10.60.0.10"),
                events.allocated("orders-net", 6, "orders-mysql-3", "10.20.0.12"));
    }

    private RunningProjection startProjection(DataSource database) {
        RunningProjection projection = RunningProjection.start(database, TestKafka.bootstrapServers(), topic,
                "projection-test-" + GROUPS.incrementAndGet());
        resources.push(projection);
        return projection;
    }

    @SafeVarargs
    private void send(ProducerRecord<String, byte[]>... records) {
        send(List.of(records));
    }

    private void send(List<ProducerRecord<String, byte[]>> records) {
        TestKafka.send(records);
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50));
    }

    /** Closes what a subclass opened for one test, after the projections using it have stopped. */
    protected <T extends AutoCloseable> T closeAtEnd(T resource) {
        resources.push(resource);
        return resource;
    }
}
