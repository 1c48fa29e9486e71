package io.seamless.projections.support;

import java.sql.DatabaseMetaData;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Migrates the read-model tables with a Flyway instance of their own, as a bean that is ready before any
 * projection consumer starts. The projections share the application's database with other roles, whose
 * schema is none of their business: hence a separate history table and per-vendor scripts under
 * {@code db/projections/{vendor}}.
 */
public final class ProjectionSchema implements InitializingBean {

    public static final String HISTORY_TABLE = "flyway_projections_history";

    private static final Logger log = LoggerFactory.getLogger(ProjectionSchema.class);
    private static final Set<String> VENDORS = Set.of("h2", "postgresql");

    private final DataSource dataSource;

    public ProjectionSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        migrate();
    }

    /**
     * Migrates the default schema, then the schema of every projection's current generation (a rebuilt projection
     * lives in a schema of its own, which must follow the same migrations).
     */
    public MigrateResult migrate() {
        MigrateResult result = migrate(null);
        ProjectionGenerations.currentSchemas(dataSource).forEach(this::migrate);
        return result;
    }

    /** Migrates one schema ({@code null}: the connection's default one), creating it if it does not exist. */
    public MigrateResult migrate(String schema) {
        String vendor = vendor();
        FluentConfiguration flyway = Flyway.configure()
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations("classpath:db/projections/" + vendor)
                .baselineOnMigrate(true)
                // The schema is rarely empty (other roles' tables): a baseline at the default version 1
                // would mark our V1 as applied without running it.
                .baselineVersion("0");
        if (schema != null) {
            flyway.schemas(schema).createSchemas(true);
        }
        MigrateResult result = flyway.load().migrate();
        log.info("Projection schema {} on {}: {} migrations applied, now at version {}",
                schema == null ? "(default)" : schema, vendor, result.migrationsExecuted, result.targetSchemaVersion);
        return result;
    }

    private String vendor() {
        String product;
        try {
            product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Projection schema: cannot read the database product", e);
        }
        String vendor = DatabaseDriver.fromProductName(product).getId();
        if (vendor == null || !VENDORS.contains(vendor)) {
            throw new IllegalStateException("Projection schema: no scripts for database '" + product
                    + "', only for " + VENDORS);
        }
        return vendor;
    }
}
