package io.seamless.command.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.seamless.command.cluster.ClusterSnapshot.Resources;
import io.seamless.domain.cluster.Capacity;
import io.seamless.domain.cluster.ClusterCapacityUpdated;
import io.seamless.domain.cluster.ClusterCordoned;
import io.seamless.domain.cluster.ClusterIpPoolsUpdated;
import io.seamless.domain.cluster.ClusterRegistered;
import io.seamless.domain.cluster.ClusterRemoved;
import io.seamless.domain.cluster.ClusterUncordoned;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The command side's cluster registry on a real database, migrated by the command side's own scripts; each
 * subclass brings its database. The projector writes it from events, placement reads and locks it.
 */
abstract class ClusterRegistryContractTest {

    private static final Capacity CAPACITY = new Capacity("64", "256Gi", "10Ti");
    private static final Resources NOTHING = new Resources(0, 0, 0);

    private JdbcClient jdbc;
    private ClusterRegistry registry;
    private ClusterRegistryProjector projector;
    private TransactionTemplate transactions;

    /** A new, empty database. */
    protected abstract DataSource freshDatabase();

    /** {@code h2} or {@code postgresql}: the folder of the command side's migrations. */
    protected abstract String vendor();

    /** How many sessions of the database wait for a lock another one holds. */
    protected abstract long sessionsWaitingForALock(JdbcClient jdbc);

    @BeforeEach
    void migrate() {
        DataSource dataSource = freshDatabase();
        Flyway.configure().dataSource(dataSource).table("flyway_command_history")
                .locations("classpath:db/command/" + vendor()).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        registry = new ClusterRegistry(jdbc);
        projector = new ClusterRegistryProjector(jdbc);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void followsTheEventsOfACluster() {
        projector.on(new ClusterRegistered("bj-1", "beijing", "a", Map.of("tier", "gold"), CAPACITY,
                List.of("orders-net")));
        assertThat(registry.clusters()).containsExactly(new ClusterSnapshot("bj-1", "beijing", "a",
                Map.of("tier", "gold"), List.of("orders-net"), false, new Resources(64_000, 256L << 30, 10L << 40),
                NOTHING, 0));

        projector.on(new ClusterCapacityUpdated("bj-1", new Capacity("2500m", "8G", "0")));
        projector.on(new ClusterIpPoolsUpdated("bj-1", List.of("orders-net", "search-net")));
        projector.on(new ClusterCordoned("bj-1"));
        ClusterSnapshot changed = registry.clusters().get(0);
        assertThat(changed.capacity()).isEqualTo(new Resources(2_500, 8_000_000_000L, 0));
        assertThat(changed.ipPools()).containsExactly("orders-net", "search-net");
        assertThat(changed.cordoned()).isTrue();
        assertThat(registry.placeableClusters()).isEmpty();

        projector.on(new ClusterUncordoned("bj-1"));
        assertThat(registry.placeableClusters()).extracting(ClusterSnapshot::name).containsExactly("bj-1");
        projector.on(new ClusterRemoved("bj-1"));
        assertThat(registry.clusters()).isEmpty();
        assertThat(registry.placeableClusters()).isEmpty();
    }

    @Test
    void sumsWhatThePlacedUnitsUse() {
        register("bj-1");
        register("sh-1");
        placeUnit("bj-1", "orders-mysql-0", 4_000, 16L << 30, 500L << 30);
        placeUnit("bj-1", "orders-mysql-1", 4_000, 16L << 30, 500L << 30);
        placeUnit("bj-1", "orders-router-0", 500, 1L << 30, 0);

        ClusterSnapshot busy = registry.clusters().get(0);
        assertThat(busy.name()).isEqualTo("bj-1");
        assertThat(busy.used()).isEqualTo(new Resources(8_500, 33L << 30, 1000L << 30));
        assertThat(busy.units()).isEqualTo(3);
        assertThat(busy.free()).isEqualTo(new Resources(55_500, 223L << 30, (10L << 40) - (1000L << 30)));
        assertThat(registry.clusters().get(1)).extracting(ClusterSnapshot::used, ClusterSnapshot::units)
                .containsExactly(NOTHING, 0);
    }

    @Test
    void placeableClustersAreThoseNeitherCordonedNorRemovedByName() {
        register("c-3");
        register("a-1");
        register("b-2");
        register("d-4");
        projector.on(new ClusterCordoned("b-2"));
        projector.on(new ClusterRemoved("d-4"));

        assertThat(registry.placeableClusters()).extracting(ClusterSnapshot::name).containsExactly("a-1", "c-3");
        assertThat(registry.clusters()).extracting(ClusterSnapshot::name).containsExactly("a-1", "b-2", "c-3");
    }

    @Test
    void locksOnlyInsideATransactionAndAnswersTheClustersThatAreThere() {
        register("a-1");
        register("b-2");
        register("c-3");
        projector.on(new ClusterCordoned("b-2"));
        projector.on(new ClusterRemoved("c-3"));

        assertThatThrownBy(() -> registry.lock(List.of("a-1"))).isInstanceOf(IllegalStateException.class);
        List<ClusterSnapshot> locked = transactions.execute(status ->
                registry.lock(List.of("c-3", "b-2", "missing", "a-1", "b-2")));
        assertThat(locked).extracting(ClusterSnapshot::name).containsExactly("a-1", "b-2");
        List<ClusterSnapshot> none = transactions.execute(status -> registry.lock(List.of()));
        assertThat(none).isEmpty();
        assertThatThrownBy(() -> registry.lockAll()).isInstanceOf(IllegalStateException.class);
        List<ClusterSnapshot> all = transactions.execute(status -> registry.lockAll());
        assertThat(all).extracting(ClusterSnapshot::name).containsExactly("a-1", "b-2");
    }

    @Test
    void lockingAllWaitsForAPlacementHoldingOneOfThem() throws Exception {
        register("sz-1");
        register("sz-2");
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            registry.lock(List.of("sz-2"));
            placeUnit("sz-2", "pay-mysql-0", 1_000, 1L << 30, 0);
            firstHoldsTheLock.countDown();
            awaitLatch(firstMayCommit);
        }));
        assertThat(firstHoldsTheLock.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<ClusterSnapshot>> all = CompletableFuture.supplyAsync(() ->
                transactions.execute(status -> registry.lockAll()));
        await().atMost(Duration.ofSeconds(30)).until(() -> sessionsWaitingForALock(jdbc) > 0);
        assertThat(all).isNotDone();
        firstMayCommit.countDown();
        first.get(30, TimeUnit.SECONDS);
        assertThat(all.get(30, TimeUnit.SECONDS)).filteredOn(c -> c.name().equals("sz-2"))
                .extracting(ClusterSnapshot::units).containsExactly(1);
    }

    @Test
    void aSecondPlacementWaitsForTheFirstAndSeesWhatItPlaced() throws Exception {
        register("bj-1");
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            registry.lock(List.of("bj-1"));
            placeUnit("bj-1", "orders-mysql-0", 1_000, 1L << 30, 0);
            firstHoldsTheLock.countDown();
            awaitLatch(firstMayCommit);
        }));
        assertThat(firstHoldsTheLock.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<ClusterSnapshot> second = CompletableFuture.supplyAsync(() ->
                transactions.execute(status -> registry.lock(List.of("bj-1")).get(0)));
        await().atMost(Duration.ofSeconds(30)).until(() -> sessionsWaitingForALock(jdbc) > 0);
        assertThat(second).isNotDone();
        firstMayCommit.countDown();

        first.get(30, TimeUnit.SECONDS);
        assertThat(second.get(30, TimeUnit.SECONDS).units()).isEqualTo(1);
    }

    private void register(String name) {
        projector.on(new ClusterRegistered(name, "beijing", "a", Map.of(), CAPACITY, List.of()));
    }

    private void placeUnit(String cluster, String unit, long cpuMillis, long memoryBytes, long storageBytes) {
        jdbc.sql("INSERT INTO cluster_unit (cluster, unit_id, service_group, cpu_millis, memory_bytes, storage_bytes)"
                + " VALUES (?, ?, 'orders', ?, ?, ?)").params(cluster, unit, cpuMillis, memoryBytes, storageBytes).update();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
