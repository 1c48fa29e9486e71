package io.seamless.security.token;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the {@code api_token} table with a Flyway of its own (history {@code flyway_security_history}),
 * as every role that serves the API needs it and shares the database with the others. One script set:
 * the SQL is the same on H2 and PostgreSQL.
 */
class TokenSchema implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(TokenSchema.class);

    private final DataSource dataSource;

    TokenSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        int applied = Flyway.configure()
                .dataSource(dataSource)
                .table("flyway_security_history")
                .locations("classpath:db/security")
                .baselineOnMigrate(true)
                // Other roles' tables are usually there already: a baseline at 1 would skip our V1.
                .baselineVersion("0")
                .load()
                .migrate()
                .migrationsExecuted;
        log.debug("API token schema: {} migrations applied", applied);
    }
}
