package io.seamless.projections.rebuild;

import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The statements a rebuild runs across schemas, on the application's DataSource. Schema names are quoted (Flyway
 * creates them quoted) and must be plain lower-case identifiers; table names are the projections' own constants.
 */
final class GenerationSchemas {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private volatile String defaultSchema;

    GenerationSchemas(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    void drop(String schema) {
        jdbc.sql("DROP SCHEMA IF EXISTS " + quoted(schema) + " CASCADE").update();
    }

    long rows(String schema, String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + qualified(schema, table)).query(Long.class).single();
    }

    /** Replaces the rows of {@code table} in schema {@code to} with those in schema {@code from}. */
    void copy(String table, String from, String to) {
        jdbc.sql("DELETE FROM " + qualified(to, table)).update();
        jdbc.sql("INSERT INTO " + qualified(to, table) + " SELECT * FROM " + qualified(from, table)).update();
    }

    /** {@code null} is the connection's default schema, named as the database names it. */
    private String qualified(String schema, String table) {
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table of a projection: " + table);
        }
        String name = schema == null ? defaultSchema() : quoted(schema);
        return name + "." + table;
    }

    private String defaultSchema() {
        if (defaultSchema == null) {
            var connection = DataSourceUtils.getConnection(dataSource);
            try {
                defaultSchema = "\"" + connection.getSchema().replace("\"", "\"\"") + "\"";
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot tell the database's default schema", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
        return defaultSchema;
    }

    private static String quoted(String schema) {
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a generation schema: " + schema);
        }
        return "\"" + schema + "\"";
    }
}
