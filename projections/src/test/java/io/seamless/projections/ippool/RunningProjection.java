package io.seamless.projections.ippool;

import io.seamless.projections.support.ConsumerSettings;
import io.seamless.projections.support.ProjectionConsumer;
import io.seamless.projections.support.ProjectionSchema;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The IP pool projection wired as ProjectionsConfiguration wires it, over a database and a topic of a test. */
final class RunningProjection implements AutoCloseable {

    final IpPoolRepository repository;
    final ProjectionConsumer consumer;
    private final JdbcTemplate jdbc;

    private RunningProjection(DataSource dataSource, ConsumerSettings settings) {
        new ProjectionSchema(dataSource).migrate();
        this.repository = new IpPoolRepository(JdbcClient.create(dataSource));
        this.consumer = new ProjectionConsumer(settings, new IpPoolProjector(repository),
                new DataSourceTransactionManager(dataSource));
        this.jdbc = new JdbcTemplate(dataSource);
    }

    static RunningProjection start(DataSource dataSource, String bootstrapServers, String topic, String groupId) {
        return start(dataSource, settings(bootstrapServers, topic, groupId, Duration.ofMillis(100)));
    }

    static RunningProjection start(DataSource dataSource, ConsumerSettings settings) {
        RunningProjection projection = new RunningProjection(dataSource, settings);
        projection.consumer.start();
        return projection;
    }

    static ConsumerSettings settings(String bootstrapServers, String topic, String groupId, Duration backoff) {
        return new ConsumerSettings("ippool-" + groupId, topic,
                ConsumerSettings.kafkaConfig(bootstrapServers, groupId, groupId, Map.of()),
                Duration.ofMillis(100), backoff, backoff.multipliedBy(4));
    }

    /** The version of every pool the view holds, deleted ones included. */
    Map<String, Long> versions() {
        Map<String, Long> versions = new LinkedHashMap<>();
        jdbc.query("SELECT name, last_sequence FROM ip_pool_view ORDER BY name",
                rs -> {
                    versions.put(rs.getString(1), rs.getLong(2));
                });
        return versions;
    }

    long version(String pool) {
        return versions().getOrDefault(pool, -1L);
    }

    /** Every row of both tables, every column, in key order: what "the same read model" means. */
    Map<String, List<Map<String, Object>>> dump() {
        return Map.of(
                "ip_pool_view", jdbc.queryForList("SELECT * FROM ip_pool_view ORDER BY name"),
                "ip_allocation_view", jdbc.queryForList("SELECT * FROM ip_allocation_view ORDER BY pool, unit"));
    }

    @Override
    public void close() {
        consumer.stop();
    }
}
