package io.seamless.projections.servicegroup;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;

/** The desired-state contract on H2 in memory, the database of the embedded default. */
class DesiredStateProjectionH2Test extends DesiredStateProjectionContractTest {

    @Override
    protected DataSource freshDatabase() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:desired-state-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setMaximumPoolSize(4);
        return closeAtEnd(dataSource);
    }
}
