package io.seamless.projections.ippool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.seamless.projections.TcpGate;
import io.seamless.projections.TestKafka;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** The consumer loop outlives an absent broker and a failing database, and still stops on request. */
class IpPoolProjectionResilienceTest {

    private HikariDataSource database;

    @BeforeEach
    void freshDatabase() {
        database = new HikariDataSource();
        database.setJdbcUrl("jdbc:h2:mem:resilience-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void keepsRetryingWhileTheBrokerIsDownAndCatchesUpOnceItIsUp() throws IOException {
        String topic = TestKafka.newTopic("ippool-late-broker", 1);
        IpPoolEventFixtures events = new IpPoolEventFixtures(topic);
        TestKafka.send(List.of(events.created("orders-net", 0, "10.20.0.0/24", 120, 245),
                events.allocated("orders-net", 1, "orders-mysql-0", "10.20.0.10")));
        try (TcpGate broker = new TcpGate(TestKafka.bootstrapServers());
             RunningProjection projection = RunningProjection.start(database, broker.address(), topic, "late")) {
            eventually().until(broker::dropped, dropped -> dropped >= 3);
            assertThat(projection.consumer.isRunning()).isTrue();

            broker.open();

            eventually().until(() -> projection.version("orders-net"), version -> version == 1);
        }
    }

    @Test
    void aBatchRolledBackByTheDatabaseIsReadAgainAndApplied() {
        FlakyDataSource flaky = new FlakyDataSource(database);
        String topic = TestKafka.newTopic("ippool-flaky-db", 1);
        IpPoolEventFixtures events = new IpPoolEventFixtures(topic);
        try (RunningProjection projection =
                     RunningProjection.start(flaky, TestKafka.bootstrapServers(), topic, "flaky")) {
            TestKafka.send(List.of(events.created("orders-net", 0, "10.20.0.0/24", 120, 245)));
            eventually().until(() -> projection.version("orders-net"), version -> version == 0);

            flaky.down.set(true);
            TestKafka.send(List.of(events.allocated("orders-net", 1, "orders-mysql-0", "10.20.0.10"),
                    events.allocated("orders-net", 2, "orders-mysql-1", "10.20.0.11")));
            eventually().until(flaky.refused::get, refused -> refused >= 2);
            flaky.down.set(false);

            eventually().until(() -> projection.version("orders-net"), version -> version == 2);
            assertThat(projection.repository.findAllocations("orders-net")).extracting(AllocationView::unit)
                    .containsExactlyInAnyOrder("orders-mysql-0", "orders-mysql-1");
        }
    }

    @Test
    void stopEndsTheThreadEvenDuringALongBackoff() {
        FlakyDataSource flaky = new FlakyDataSource(database);
        String topic = TestKafka.newTopic("ippool-stop", 1);
        IpPoolEventFixtures events = new IpPoolEventFixtures(topic);
        RunningProjection projection = RunningProjection.start(flaky,
                RunningProjection.settings(TestKafka.bootstrapServers(), topic, "stop", Duration.ofMinutes(10)));
        flaky.down.set(true);
        TestKafka.send(List.of(events.created("orders-net", 0, "10.20.0.0/24", 120, 245)));
        eventually().until(flaky.refused::get, refused -> refused >= 1);

        projection.close();

        assertThat(projection.consumer.isRunning()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain("projection-ippool-stop");
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50));
    }

    /** The application's database, unreachable while {@code down} is set (the schema is migrated before). */
    private static final class FlakyDataSource extends DelegatingDataSource {

        final AtomicBoolean down = new AtomicBoolean();
        final AtomicInteger refused = new AtomicInteger();

        FlakyDataSource(HikariDataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down.get() && Thread.currentThread().getName().startsWith("projection-")) {
                refused.incrementAndGet();
                throw new SQLTransientConnectionException("database down (test)");
            }
            return super.getConnection();
        }
    }
}
