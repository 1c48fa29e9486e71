package io.seamless.command.cluster;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The registry on H2, the database of the embedded default. */
class ClusterRegistryH2Test extends ClusterRegistryContractTest {

    private HikariDataSource dataSource;

    @Override
    protected DataSource freshDatabase() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:registry-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setMaximumPoolSize(4);
        return dataSource;
    }

    @Override
    protected String vendor() {
        return "h2";
    }

    @Override
    protected long sessionsWaitingForALock(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL")
                .query(Long.class).single();
    }

    @AfterEach
    void close() {
        dataSource.close();
    }
}
