package io.seamless.projections.servicegroup;

import static io.seamless.projections.servicegroup.ServiceGroupEventFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamless.projections.TestKafka;
import io.seamless.projections.servicegroup.OperationView.State;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The desired-state projection against a real Kafka broker and a real database (H2 or PostgreSQL, by subclass):
 * events in, read model and published documents out, each published document valid against its schema. The
 * group is a MySQL InnoDB Cluster of 3 {@code mysqld} members and 2 routers, rendered by the engine catalogue.
 */
abstract class DesiredStateProjectionContractTest {

    static final String GROUP = "orders-db";
    static final String POOL = "orders-net";
    static final Map<String, String> ADDRESSES = Map.of(
            id(GROUP, "mysqld", 0), "10.20.0.10", id(GROUP, "mysqld", 1), "10.20.0.11",
            id(GROUP, "mysqld", 2), "10.20.0.12", id(GROUP, "router", 0), "10.20.0.20",
            id(GROUP, "router", 1), "10.20.0.21");
    static final String SEEDS = "group_replication_group_seeds = 10.20.0.10:33061,10.20.0.11:33061,10.20.0.12:33061";

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    /** A database of its own for one projection instance. */
    protected abstract DataSource freshDatabase();

    @AfterEach
    void closeResources() throws Exception {
        while (!resources.isEmpty()) {
            resources.pop().close();
        }
    }

    @Test
    void aCreatedGroupBecomesAReadyDocumentWithEveryUnitRenderedFromItsPeers() throws Exception {
        ServiceGroupEventFixtures events = freshTopics();
        RunningDesiredState live = start(events);

        sendPlacementAndWait(live, events);
        send(events.created(GROUP, 0, "op-create", POOL, 3, 2), events.assigned(GROUP, 1, "op-create", ADDRESSES));
        JsonNode document = eventually(live, published -> published.at(GROUP, 1)).document(GROUP);

        assertThat(document.path("apiVersion").asText()).isEqualTo("seamless.io/v2");
        assertThat(document.path("kind").asText()).isEqualTo("ServiceGroupDesiredState");
        assertThat(document.path("status").asText()).isEqualTo("READY");
        assertThat(document.path("stopped").asBoolean()).isFalse();
        assertThat(document.path("primary").asText()).isEqualTo(id(GROUP, "mysqld", 0));
        assertThat(ids(document)).containsExactly(id(GROUP, "mysqld", 0), id(GROUP, "mysqld", 1),
                id(GROUP, "mysqld", 2), id(GROUP, "router", 0), id(GROUP, "router", 1));
        JsonNode member = document.path("units").get(1);
        assertThat(member.path("cluster").asText()).isEqualTo("bj-2");
        assertThat(member.path("site").asText()).isEqualTo("beijing");
        assertThat(member.path("zone").asText()).isEqualTo("b");
        assertThat(member.path("address").asText()).isEqualTo("10.20.0.11");
        assertThat(member.path("image").asText()).isEqualTo("mysql/mysql-server:8.0.36");
        assertThat(member.path("ports").toString())
                .isEqualTo("[{\"name\":\"mysql\",\"port\":3306},{\"name\":\"gr\",\"port\":33061}]");
        assertThat(member.path("storage").toString()).isEqualTo("{\"storageClass\":\"fast-ssd\",\"size\":\"100Gi\"}");
        assertThat(member.path("networking").toString())
                .isEqualTo("{\"mode\":\"calico\",\"network\":\"calico-orders-net\",\"address\":\"10.20.0.11\","
                        + "\"prefixLength\":24}");
        assertThat(file(member, "my.cnf")).contains(SEEDS, "bind_address = 10.20.0.11", "max_connections = 500");
        JsonNode router = document.path("units").get(3);
        assertThat(router.has("storage")).isFalse();
        assertThat(file(router, "mysqlrouter.conf")).contains("bind_address = 10.20.0.20");
        assertThat(file(router, "state.json")).contains("\"mysql://10.20.0.10:3306\"", "\"mysql://10.20.0.12:3306\"");
        await().until(live::allPublished);
        assertThat(live.documents.findDocument(GROUP).orElseThrow().document())
                .isEqualTo(new String(PublishedDocuments.read(TestKafka.bootstrapServers(), live.outputTopic)
                        .latest().get(GROUP), StandardCharsets.UTF_8));
        assertThat(live.groups.findOperation(GROUP, "op-create")).get()
                .extracting(OperationView::type, OperationView::state, OperationView::sequences)
                .containsExactly("Create", State.Succeeded, List.of(0L, 1L));
        assertThat(PublishedDocuments.cleanupPolicy(TestKafka.bootstrapServers(), live.outputTopic))
                .isEqualTo("compact");
    }

    @Test
    void scaleOutKeepsTheMembersFilesUntilTheNewUnitsHaveAddressesAndScaleInShrinksThemAgain() {
        ServiceGroupEventFixtures events = freshTopics();
        RunningDesiredState live = start(events);
        sendPlacementAndWait(live, events);
        send(events.created(GROUP, 0, "op-create", POOL, 3, 2), events.assigned(GROUP, 1, "op-create", ADDRESSES),
                events.scaledOut(GROUP, 2, "op-out", "mysqld", 3, 5));

        JsonNode provisioning = eventually(live, published -> published.at(GROUP, 2)).document(GROUP);
        assertThat(provisioning.path("status").asText()).isEqualTo("PROVISIONING");
        JsonNode waiting = unit(provisioning, id(GROUP, "mysqld", 4));
        assertThat(waiting.has("address") || waiting.has("config")).isFalse();
        assertThat(waiting.path("networking").has("address")).isFalse();
        assertThat(file(unit(provisioning, id(GROUP, "mysqld", 0)), "my.cnf")).contains(SEEDS);
        assertThat(live.groups.findOperation(GROUP, "op-out")).get().extracting(OperationView::state)
                .isEqualTo(State.Provisioning);

        send(events.assigned(GROUP, 3, "op-out", Map.of(id(GROUP, "mysqld", 3), "10.20.0.13",
                id(GROUP, "mysqld", 4), "10.20.0.14")));
        JsonNode grown = eventually(live, published -> published.at(GROUP, 3)).document(GROUP);
        assertThat(grown.path("status").asText()).isEqualTo("READY");
        assertThat(file(unit(grown, id(GROUP, "mysqld", 0)), "my.cnf")).contains(
                SEEDS + ",10.20.0.13:33061,10.20.0.14:33061");
        assertThat(file(unit(grown, id(GROUP, "router", 1)), "state.json")).contains("mysql://10.20.0.14:3306");

        send(events.scaledIn(GROUP, 4, "op-in", "mysqld", 3, Map.of(id(GROUP, "mysqld", 4), "10.20.0.14",
                id(GROUP, "mysqld", 3), "10.20.0.13")));
        JsonNode shrunk = eventually(live, published -> published.at(GROUP, 4)).document(GROUP);
        assertThat(ids(shrunk)).hasSize(5).doesNotContain(id(GROUP, "mysqld", 3), id(GROUP, "mysqld", 4));
        assertThat(file(unit(shrunk, id(GROUP, "mysqld", 2)), "my.cnf")).contains(SEEDS + "\n");
        assertThat(live.groups.findOperation(GROUP, "op-out")).get()
                .extracting(OperationView::state, OperationView::sequences)
                .containsExactly(State.Succeeded, List.of(2L, 3L));
        assertThat(live.groups.findActiveGroup(GROUP)).get()
                .satisfies(group -> assertThat(group.services().get("mysqld").replicas()).isEqualTo(3));
    }

    @Test
    void aFailedScaleOutDropsTheUnitsThatGotNoAddress() {
        ServiceGroupEventFixtures events = freshTopics();
        RunningDesiredState live = start(events);
        sendPlacementAndWait(live, events);
        send(events.created(GROUP, 0, "op-create", POOL, 3, 2), events.assigned(GROUP, 1, "op-create", ADDRESSES),
                events.scaledOut(GROUP, 2, "op-out", "router", 2, 3),
                events.failed(GROUP, 3, "op-out", "IP pool orders-net is exhausted"));

        JsonNode document = eventually(live, published -> published.at(GROUP, 3)).document(GROUP);

        assertThat(document.path("status").asText()).isEqualTo("READY");
        assertThat(ids(document)).hasSize(5).doesNotContain(id(GROUP, "router", 2));
        assertThat(live.groups.findActiveGroup(GROUP)).get()
                .satisfies(group -> assertThat(group.services().get("router").replicas()).isEqualTo(2));
        assertThat(live.groups.findOperation(GROUP, "op-out")).get()
                .extracting(OperationView::type, OperationView::state, OperationView::reason)
                .containsExactly("ScaleOut", State.Failed, "IP pool orders-net is exhausted");
    }

    @Test
    void aFailedCreationLeavesTheGroupFailedWithUnitsThatHaveNeitherAddressNorConfiguration() {
        ServiceGroupEventFixtures events = freshTopics();
        RunningDesiredState live = start(events);
        sendPlacementAndWait(live, events);
        send(events.created(GROUP, 0, "op-create", POOL, 3, 2),
                events.failed(GROUP, 1, "op-create", "IP pool orders-net is exhausted"));

        JsonNode document = eventually(live, published -> published.at(GROUP, 1)).document(GROUP);

        assertThat(document.path("status").asText()).isEqualTo("FAILED");
        assertThat(document.path("units")).hasSize(5)
                .allSatisfy(unit -> assertThat(unit.has("address") || unit.has("config")).isFalse());
        assertThat(live.groups.findOperation(GROUP, "op-create")).get()
                .extracting(OperationView::state, OperationView::finishedAt)
                .containsExactly(State.Failed, Instant.parse("2026-01-01T00:00:01Z"));
    }

    @Test
    void aDeletedGroupIsWithdrawnWithATombstoneAndItsOperationsStayReadable() {
        ServiceGroupEventFixtures events = freshTopics();
        RunningDesiredState live = start(events);
        sendPlacementAndWait(live, events);
        send(events.created(GROUP, 0, "op-create", POOL, 3, 2), events.assigned(GROUP, 1, "op-create", ADDRESSES),
                events.deleted(GROUP, 2, "op-delete", ADDRESSES));

        PublishedDocuments published = eventually(live, documents -> documents.hasTombstone(GROUP));

        assertThat(published.records.get(published.records.size() - 1).value()).isNull();
        assertThat(live.groups.isActive(GROUP)).isFalse();
        assertThat(live.groups.findActiveGroups()).isEmpty();
        assertThat(live.documents.groupsUsing(DesiredStateRepository.POOL, POOL)).isEmpty();
        assertThat(live.groups.findOperation(GROUP, "op-delete")).get()
                .extracting(OperationView::type, OperationView::state).containsExactly("Delete", State.Succeeded);
    }

    @Test
    void anObservationShowsInTheViewAndChangesNoDocument() {
        ServiceGroupEventFixtures events = freshTopics();
        RunningDesiredState live = start(events);
        sendPlacementAndWait(live, events);
        send(events.created(GROUP, 0, "op-create", POOL, 3, 2), events.assigned(GROUP, 1, "op-create", ADDRESSES));
        PublishedDocuments before = eventually(live, published -> published.at(GROUP, 1));
        send(events.group(GROUP, 2, "ObservationRecorded", Map.of("group", GROUP, "cluster", "bj-1",
                "unit", id(GROUP, "mysqld", 0), "observation", "UNIT_READY", "reason", "PodReady",
                "observedAt", "2026-01-01T00:00:05Z")), events.created("marker-db", 0, "op-marker", POOL, 3, 1));
        PublishedDocuments after = eventually(live, published -> published.at("marker-db", 0));

        assertThat(after.count(GROUP)).isEqualTo(before.count(GROUP));
        assertThat(live.groups.findActiveGroup(GROUP)).get().satisfies(detail -> {
            assertThat(detail.readyUnits()).isEqualTo(1);
            assertThat(detail.version()).isEqualTo(2);
            assertThat(detail.units().get(0).observed()).isEqualTo("UNIT_READY");
        });
    }

    @Test
    void redeliveredEventsChangeNothingAndPublishNothing() {
        ServiceGroupEventFixtures events = freshTopics();
        RunningDesiredState live = start(events);
        List<ProducerRecord<String, byte[]>> history = List.of(
                events.created(GROUP, 0, "op-create", POOL, 3, 2), events.assigned(GROUP, 1, "op-create", ADDRESSES),
                events.reconfigured(GROUP, 2, "op-tune", "mysqld", Map.of("max_connections", "800")));
        sendPlacementAndWait(live, events);
        send(history);
        PublishedDocuments before = eventually(live, published -> published.at(GROUP, 2));
        await().until(live::allPublished);
        Map<String, List<Map<String, Object>>> rows = live.dump(GROUP);

        send(history);
        send(placement(events));
        send(events.created("marker-db", 0, "op-marker", POOL, 3, 1));
        PublishedDocuments after = eventually(live, published -> published.at("marker-db", 0));

        assertThat(after.count(GROUP)).isEqualTo(before.count(GROUP));
        assertThat(after.latest().get(GROUP)).isEqualTo(before.latest().get(GROUP));
        assertThat(file(unit(after.document(GROUP), id(GROUP, "mysqld", 0)), "my.cnf"))
                .contains("max_connections = 800").doesNotContain("max_connections = 500");
        assertThat(live.dump(GROUP)).isEqualTo(rows);
    }

    @Test
    void aFreshGroupAndAFreshDatabaseRebuildByteIdenticalDocuments() {
        ServiceGroupEventFixtures events = freshTopics();
        RunningDesiredState live = start(events);
        sendPlacementAndWait(live, events);
        send(events.created(GROUP, 0, "op-create", POOL, 3, 2), events.created("cache-db", 0, "op-c", POOL, 3, 1),
                events.assigned(GROUP, 1, "op-create", ADDRESSES), events.stopped(GROUP, 2, "op-stop"),
                events.failed("cache-db", 1, "op-c", "no room in any cluster"),
                events.created("gone-db", 0, "op-g", POOL, 3, 1), events.deleted("gone-db", 1, "op-gd", Map.of()));
        Map<String, Long> finalVersions = Map.of(GROUP, 2L, "cache-db", 1L, "gone-db", 1L);
        await().atMost(Duration.ofSeconds(60)).until(live::versions, finalVersions::equals);
        PublishedDocuments original = eventually(live, published -> published.hasTombstone("gone-db")
                && published.at(GROUP, 2) && published.at("cache-db", 1));

        RunningDesiredState rebuilt = start(events);
        await().atMost(Duration.ofSeconds(60)).until(rebuilt::versions, finalVersions::equals);
        PublishedDocuments again = eventually(rebuilt, published -> published.hasTombstone("gone-db")
                && published.at(GROUP, 2) && published.at("cache-db", 1));

        assertThat(again.latest()).containsOnlyKeys(GROUP, "cache-db", "gone-db");
        original.latest().forEach((group, bytes) -> assertThat(again.latest().get(group)).as(group).isEqualTo(bytes));
        assertThat(rebuilt.dump()).isEqualTo(live.dump());
        assertThat(again.document(GROUP).path("stopped").asBoolean()).isTrue();
    }

    @Test
    void poolsAndClustersArrivingAfterTheirGroupsLeadToTheSameDocuments() {
        ServiceGroupEventFixtures early = freshTopics();
        RunningDesiredState first = start(early);
        sendPlacementAndWait(first, early);
        send(history(early));
        byte[] expected = eventually(first, published -> published.at(GROUP, 1)).latest().get(GROUP);

        ServiceGroupEventFixtures late = freshTopics();
        RunningDesiredState second = start(late);
        send(history(late));
        JsonNode partial = eventually(second, published -> published.at(GROUP, 1)).document(GROUP);
        assertThat(partial.path("units")).allSatisfy(unit -> assertThat(unit.has("networking") || unit.has("site")
                || unit.has("zone")).isFalse());
        assertThat(file(unit(partial, id(GROUP, "mysqld", 0)), "my.cnf")).contains(SEEDS);
        send(placement(late));
        send(late.addressAllocated(POOL, 1, id(GROUP, "mysqld", 0), "10.20.0.10"), late.clusterCordoned("bj-1", 1));

        eventually(second, published -> Arrays.equals(published.latest().get(GROUP), expected));
    }

    private static List<ProducerRecord<String, byte[]>> history(ServiceGroupEventFixtures events) {
        return List.of(events.created(GROUP, 0, "op-create", POOL, 3, 2),
                events.assigned(GROUP, 1, "op-create", ADDRESSES));
    }

    private static List<ProducerRecord<String, byte[]>> placement(ServiceGroupEventFixtures events) {
        return List.of(events.poolCreated(POOL, "10.20.0.0/24", "calico"),
                events.clusterRegistered("bj-1", "beijing", "a"), events.clusterRegistered("bj-2", "beijing", "b"));
    }

    /** The pool and clusters first, applied before anything else is sent: the documents are then complete at once. */
    private static void sendPlacementAndWait(RunningDesiredState running, ServiceGroupEventFixtures events) {
        send(placement(events));
        eventually().until(() -> running.pools() == 1 && running.clusters() == 2);
    }

    private static List<String> ids(JsonNode document) {
        return StreamSupport.stream(document.path("units").spliterator(), false)
                .map(unit -> unit.path("id").asText()).toList();
    }

    private static JsonNode unit(JsonNode document, String id) {
        return StreamSupport.stream(document.path("units").spliterator(), false)
                .filter(unit -> unit.path("id").asText().equals(id)).findFirst().orElseThrow();
    }

    private static String file(JsonNode unit, String name) {
        return StreamSupport.stream(unit.path("config").spliterator(), false)
                .filter(file -> file.path("name").asText().equals(name)).findFirst()
                .map(file -> file.path("content").asText()).orElseThrow(() -> new AssertionError(
                        unit.path("id").asText() + " has no file " + name + ": " + unit.path("config")));
    }

    private ServiceGroupEventFixtures freshTopics() {
        return new ServiceGroupEventFixtures(TestKafka.newTopic("servicegroup", 3), TestKafka.newTopic("ippool", 3),
                TestKafka.newTopic("cluster", 3));
    }

    private RunningDesiredState start(ServiceGroupEventFixtures events) {
        RunningDesiredState running = RunningDesiredState.start(freshDatabase(), TestKafka.bootstrapServers(), events);
        resources.push(running);
        return running;
    }

    private static PublishedDocuments eventually(RunningDesiredState running, Predicate<PublishedDocuments> done) {
        return eventually().until(() -> PublishedDocuments.read(TestKafka.bootstrapServers(), running.outputTopic),
                done);
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200));
    }

    @SafeVarargs
    private static void send(ProducerRecord<String, byte[]>... records) {
        send(List.of(records));
    }

    private static void send(List<ProducerRecord<String, byte[]>> records) {
        TestKafka.send(records);
    }

    /** Closes what a subclass opened for one test, after the projections using it have stopped. */
    protected <T extends AutoCloseable> T closeAtEnd(T resource) {
        resources.push(resource);
        return resource;
    }
}
