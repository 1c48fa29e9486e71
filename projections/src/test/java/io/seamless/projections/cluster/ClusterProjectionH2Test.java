package io.seamless.projections.cluster;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;

/** The cluster projection contract on H2 in memory, the database of the embedded default. */
class ClusterProjectionH2Test extends ClusterProjectionContractTest {

    @Override
    protected DataSource freshDatabase() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:cluster-projection-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setMaximumPoolSize(4);
        return closeAtEnd(dataSource);
    }
}
