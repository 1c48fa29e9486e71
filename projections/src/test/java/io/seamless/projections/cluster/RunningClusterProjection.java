package io.seamless.projections.cluster;

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

/** The cluster projection wired as ProjectionsConfiguration wires it, over a database and a topic of a test. */
final class RunningClusterProjection implements AutoCloseable {

    final ClusterRepository repository;
    private final ProjectionConsumer consumer;
    private final JdbcTemplate jdbc;

    private RunningClusterProjection(DataSource dataSource, ConsumerSettings settings) {
        new ProjectionSchema(dataSource).migrate();
        this.repository = new ClusterRepository(JdbcClient.create(dataSource));
        this.consumer = new ProjectionConsumer(settings, new ClusterProjector(repository),
                new DataSourceTransactionManager(dataSource));
        this.jdbc = new JdbcTemplate(dataSource);
    }

    static RunningClusterProjection start(DataSource dataSource, String bootstrapServers, String topic, String groupId) {
        ConsumerSettings settings = new ConsumerSettings("cluster-" + groupId, topic,
                ConsumerSettings.kafkaConfig(bootstrapServers, groupId, groupId, Map.of()),
                Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(400));
        RunningClusterProjection projection = new RunningClusterProjection(dataSource, settings);
        projection.consumer.start();
        return projection;
    }

    /** The version of every cluster the view holds, removed ones included. */
    Map<String, Long> versions() {
        Map<String, Long> versions = new LinkedHashMap<>();
        jdbc.query("SELECT name, last_sequence FROM cluster_view ORDER BY name",
                rs -> {
                    versions.put(rs.getString(1), rs.getLong(2));
                });
        return versions;
    }

    long version(String cluster) {
        return versions().getOrDefault(cluster, -1L);
    }

    /** Every row, every column, in key order: what "the same read model" means. */
    List<Map<String, Object>> dump() {
        return jdbc.queryForList("SELECT * FROM cluster_view ORDER BY name");
    }

    @Override
    public void close() {
        consumer.stop();
    }
}
