package io.seamless.projections.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which generation of its tables each projection reads and writes ({@code projection_generation}, in the default
 * schema). Generation 0 is the default schema and the configured consumer group; a rebuild creates the next one.
 */
public final class ProjectionGenerations {

    /**
     * @param number         0 for the tables created by the migrations in the default schema, then one more per rebuild
     * @param schema         where its tables are, {@code null} for the default schema
     * @param groupId        the Kafka consumer group that has applied the topics to those tables
     * @param previousSchema the schema of the generation it replaced, kept until the next switch so that the two can
     *                       be compared; {@code null} when that was the default schema or there was none
     */
    public record Generation(String projection, int number, String schema, String groupId, String previousSchema) {

        /** The generation after this one: a fresh schema, and a consumer group no one has committed offsets in. */
        public Generation next(String baseGroupId, Instant now) {
            int following = number + 1;
            String schemaName = "seamless_" + projection.replace('-', '_') + "_g" + following;
            return new Generation(projection, following, schemaName,
                    baseGroupId + "-" + projection + "-g" + following + "-" + now.toEpochMilli(), schema);
        }
    }

    private final JdbcClient jdbc;

    public ProjectionGenerations(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The projection's current generation; generation 0 in the configured group when it was never rebuilt. */
    public Generation current(String projection, String configuredGroupId) {
        return find(jdbc, projection).orElse(new Generation(projection, 0, null, configuredGroupId, null));
    }

    /** Makes {@code next} the projection's current generation (in the caller's transaction, if any). */
    public void switched(Generation next, Instant at) {
        int updated = jdbc.sql("""
                        UPDATE projection_generation SET generation = ?, schema_name = ?, group_id = ?,
                               previous_schema = ?, switched_at = ? WHERE projection = ?""")
                .params(next.number(), next.schema(), next.groupId(), next.previousSchema(), Timestamp.from(at),
                        next.projection())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO projection_generation (projection, generation, schema_name, group_id,
                                   previous_schema, switched_at) VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(next.projection(), next.number(), next.schema(), next.groupId(), next.previousSchema(),
                            Timestamp.from(at))
                    .update();
        }
    }

    /** The schemas of the projections' current generations; none before the table exists (a first start). */
    static List<String> currentSchemas(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return jdbc.sql("SELECT schema_name FROM projection_generation ORDER BY projection").query(String.class).list();
    }

    private static Optional<Generation> find(JdbcClient jdbc, String projection) {
        return jdbc.sql("""
                        SELECT projection, generation, schema_name, group_id, previous_schema
                        FROM projection_generation WHERE projection = ?""")
                .param(projection)
                .query((rs, row) -> new Generation(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }
}
