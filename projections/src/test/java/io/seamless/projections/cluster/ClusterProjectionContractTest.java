package io.seamless.projections.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seamless.projections.CloudEventRecords;
import io.seamless.projections.TestKafka;
import io.seamless.projections.cluster.ClusterEvents.Capacity;
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
 * The cluster projection against a real broker and a real database; each subclass brings its database.
 * Every test has its own topic, consumer groups and databases.
 */
abstract class ClusterProjectionContractTest {

    private static final AtomicInteger GROUPS = new AtomicInteger();
    private static final Map<String, String> LABELS_A = Map.of("tier", "gold", "example.com/rack", "r-a");

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private String topic;
    private ClusterEventFixtures events;

    /** A new, empty database. */
    protected abstract DataSource freshDatabase();

    @BeforeEach
    void newTopic() {
        topic = TestKafka.newTopic("cluster", 3);
        events = new ClusterEventFixtures(topic);
    }

    @AfterEach
    void stop() throws Exception {
        while (!resources.isEmpty()) {
            resources.pop().close();
        }
    }

    @Test
    void clustersAppearAndFollowTheirEvents() {
        RunningClusterProjection live = startProjection(freshDatabase());

        TestKafka.send(List.of(events.registered("bj-1", 0, "beijing", "a", "64"),
                events.capacityUpdated("bj-1", 1, "96", "384Gi", "20Ti"),
                events.ipPoolsUpdated("bj-1", 2, "orders-net", "search-net"),
                events.cordoned("bj-1", 3),
                events.registered("sh-1", 0, "shanghai", "b", "2500m")));
        eventually().until(live::versions, versions -> versions.equals(Map.of("bj-1", 3L, "sh-1", 0L)));

        assertThat(live.repository.findActiveClusters()).containsExactly(
                new ClusterView("bj-1", "beijing", "a", LABELS_A, new Capacity("96", "384Gi", "20Ti"),
                        List.of("orders-net", "search-net"), true, 3),
                new ClusterView("sh-1", "shanghai", "b", Map.of("tier", "gold", "example.com/rack", "r-b"),
                        new Capacity("2500m", "256Gi", "10Ti"), List.of("orders-net"), false, 0));

        TestKafka.send(List.of(events.uncordoned("bj-1", 4), events.ipPoolsUpdated("bj-1", 5)));
        eventually().until(() -> live.version("bj-1"), version -> version == 5);
        assertThat(live.repository.findActiveCluster("bj-1")).get()
                .extracting(ClusterView::cordoned, ClusterView::ipPools).containsExactly(false, List.of());
    }

    @Test
    void aRemovedClusterIsNoLongerListedButKeepsItsRow() {
        RunningClusterProjection live = startProjection(freshDatabase());

        TestKafka.send(List.of(events.registered("edge-1", 0, "guangzhou", "c", "8"), events.cordoned("edge-1", 1),
                events.removed("edge-1", 2)));
        eventually().until(() -> live.version("edge-1"), version -> version == 2);

        assertThat(live.repository.findActiveClusters()).isEmpty();
        assertThat(live.repository.findActiveCluster("edge-1")).isEmpty();
    }

    @Test
    void redeliveredEventsChangeNothingEvenWhenTheyComeLate() {
        RunningClusterProjection live = startProjection(freshDatabase());
        ProducerRecord<String, byte[]> shrunk = events.capacityUpdated("bj-1", 1, "32", "128Gi", "5Ti");
        ProducerRecord<String, byte[]> cordoned = events.cordoned("bj-1", 2);
        TestKafka.send(List.of(events.registered("bj-1", 0, "beijing", "a", "64"), shrunk, cordoned,
                events.capacityUpdated("bj-1", 3, "48", "192Gi", "5Ti"), events.uncordoned("bj-1", 4)));
        eventually().until(() -> live.version("bj-1"), version -> version == 4);

        // Delivered again after newer events: applied again, they would undo the uncordon and the resize.
        TestKafka.send(List.of(cordoned, shrunk, events.registered("bj-1", 0, "beijing", "a", "64"),
                events.ipPoolsUpdated("bj-1", 5, "billing-net")));
        eventually().until(() -> live.version("bj-1"), version -> version == 5);

        assertThat(live.repository.findActiveCluster("bj-1")).contains(new ClusterView("bj-1", "beijing", "a",
                LABELS_A, new Capacity("48", "192Gi", "5Ti"), List.of("billing-net"), false, 5));
    }

    @Test
    void unknownTypesAndMalformedRecordsAreSkippedAndLaterEventsStillApply() {
        RunningClusterProjection live = startProjection(freshDatabase());
        ProducerRecord<String, byte[]> cordoned = events.cordoned("bj-1", 1);

        // Each bad record claims sequence 1: had one been applied, the good one would be ignored as a redelivery.
        TestKafka.send(List.of(events.registered("bj-1", 0, "beijing", "a", "64"),
                events.event("io.seamless.cluster.ClusterDrained.v1", "bj-1", 1, "{\"cluster\": \"bj-1\"}"),
                CloudEventRecords.withValue(cordoned, "{\"cluster\": \"bj".getBytes(StandardCharsets.UTF_8)),
                CloudEventRecords.without(cordoned, "ce_subject"),
                events.event(ClusterEvents.CORDONED, "bj-1", 1, "{\"cluster\": \"sh-1\"}"),
                events.event(ClusterEvents.CAPACITY_UPDATED, "bj-1", 1, "{\"cluster\": \"bj-1\", \"capacity\": {}}"),
                events.capacityUpdated("ghost-1", 1, "1", "1Gi", "0"),
                cordoned));
        eventually().until(() -> live.version("bj-1"), version -> version == 1);

        assertThat(live.repository.findActiveCluster("bj-1")).get()
                .extracting(ClusterView::cordoned, ClusterView::capacity)
                .containsExactly(true, new Capacity("64", "256Gi", "10Ti"));
        assertThat(live.versions()).doesNotContainKey("ghost-1");
    }

    @Test
    void aFreshGroupAndAFreshDatabaseRebuildExactlyTheSameRows() {
        RunningClusterProjection live = startProjection(freshDatabase());
        List<RecordMetadata> sent = TestKafka.send(eventfulHistory());
        Map<String, Long> finalVersions = Map.of("bj-1", 4L, "sh-1", 2L, "gz-1", 1L);
        eventually().until(live::versions, finalVersions::equals);

        RunningClusterProjection rebuilt = startProjection(freshDatabase());
        eventually().until(rebuilt::versions, finalVersions::equals);

        assertThat(sent).extracting(RecordMetadata::partition).containsOnly(0, 1, 2);
        assertThat(rebuilt.dump()).isEqualTo(live.dump()).hasSize(3);
    }

    /** Three clusters, spread over the partitions, with redeliveries, an unknown type and a malformed record. */
    private List<ProducerRecord<String, byte[]>> eventfulHistory() {
        ProducerRecord<String, byte[]> cordoned = events.cordoned("bj-1", 1);
        return List.of(
                events.registered("bj-1", 0, "beijing", "a", "64"),
                events.registered("sh-1", 0, "shanghai", "b", "32"),
                cordoned,
                events.registered("gz-1", 0, "guangzhou", "c", "16"),
                events.capacityUpdated("bj-1", 2, "128", "512Gi", "20Ti"),
                cordoned,
                CloudEventRecords.withValue(cordoned, "not json".getBytes(StandardCharsets.UTF_8)),
                events.ipPoolsUpdated("sh-1", 1, "search-net"),
                events.event("io.seamless.cluster.ClusterRenamed.v1", "gz-1", 1, "{\"cluster\": \"gz-1\"}"),
                events.cordoned("gz-1", 1),
                events.uncordoned("bj-1", 3),
                events.removed("sh-1", 2),
                events.ipPoolsUpdated("bj-1", 4));
    }

    private RunningClusterProjection startProjection(DataSource database) {
        RunningClusterProjection projection = RunningClusterProjection.start(database, TestKafka.bootstrapServers(),
                topic, "cluster-projection-test-" + GROUPS.incrementAndGet());
        resources.push(projection);
        return projection;
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
