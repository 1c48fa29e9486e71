package io.seamless.projections.ippool;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;

/** The projection contract on H2 in memory, the database of the embedded default. */
class IpPoolProjectionH2Test extends IpPoolProjectionContractTest {

    @Override
    protected DataSource freshDatabase() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:projection-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setMaximumPoolSize(4);
        return closeAtEnd(dataSource);
    }
}
