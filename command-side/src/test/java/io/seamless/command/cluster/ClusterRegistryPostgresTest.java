package io.seamless.command.cluster;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The registry on a real PostgreSQL server, the production database. */
class ClusterRegistryPostgresTest extends ClusterRegistryContractTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private HikariDataSource dataSource;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Override
    protected DataSource freshDatabase() {
        String name = "registry_" + DATABASES.incrementAndGet();
        JdbcClient.create(postgres.getPostgresDatabase()).sql("CREATE DATABASE " + name).update();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", name));
        dataSource.setMaximumPoolSize(4);
        return dataSource;
    }

    @Override
    protected String vendor() {
        return "postgresql";
    }

    @Override
    protected long sessionsWaitingForALock(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock'").query(Long.class).single();
    }

    @AfterEach
    void close() {
        dataSource.close();
    }
}
