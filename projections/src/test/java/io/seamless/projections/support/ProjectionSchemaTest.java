package io.seamless.projections.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

class ProjectionSchemaTest {

    @Test
    void createsTheViewsInADatabaseThatAlreadyHoldsOtherRolesTables() throws IOException {
        JdbcDataSource dataSource = h2();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE domain_event_entry (global_index BIGINT PRIMARY KEY)");
        jdbc.execute("CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY)");

        MigrateResult result = new ProjectionSchema(dataSource).migrate();

        // Every script runs, the first included: the other tables must not make Flyway baseline past it.
        assertThat(result.migrationsExecuted).isEqualTo(scripts("h2")).isGreaterThanOrEqualTo(2);
        assertThat(tables(jdbc)).contains("IP_POOL_VIEW", "IP_ALLOCATION_VIEW", "CLUSTER_VIEW",
                "FLYWAY_PROJECTIONS_HISTORY", "DOMAIN_EVENT_ENTRY", "FLYWAY_SCHEMA_HISTORY");
    }

    @Test
    void aSecondRunChangesNothing() {
        JdbcDataSource dataSource = h2();
        new ProjectionSchema(dataSource).migrate();

        assertThat(new ProjectionSchema(dataSource).migrate().migrationsExecuted).isZero();
    }

    private static int scripts(String vendor) throws IOException {
        return new PathMatchingResourcePatternResolver().getResources("classpath:db/projections/" + vendor + "/V*.sql")
                .length;
    }

    private static List<String> tables(JdbcTemplate jdbc) {
        // Flyway quotes its history table, so H2 keeps that one name in lower case.
        return jdbc.queryForList("SELECT UPPER(table_name) FROM information_schema.tables"
                + " WHERE table_schema = 'PUBLIC'", String.class);
    }

    private static JdbcDataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }
}
