package io.seamless.projections.servicegroup;

import io.seamless.domain.engine.EngineCatalogue;
import io.seamless.projections.support.ConsumerSettings;
import io.seamless.projections.support.ProjectionConsumer;
import io.seamless.projections.support.ProjectionSchema;
import java.sql.Clob;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The desired-state projection wired as DesiredStateConfiguration wires it, over a database, input topics and an
 * output topic of a test (created by the publisher itself, as in production), in a consumer group of its own.
 */
final class RunningDesiredState implements AutoCloseable {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    final ServiceGroupRepository groups;
    final DesiredStateRepository documents;
    final DesiredStatePublisher publisher;
    final ProjectionConsumer consumer;
    final String outputTopic;
    private final JdbcTemplate jdbc;

    private RunningDesiredState(DataSource dataSource, String bootstrapServers, ServiceGroupEventFixtures topics) {
        new ProjectionSchema(dataSource).migrate();
        int instance = INSTANCES.incrementAndGet();
        String groupId = "desired-state-test-" + instance;
        this.outputTopic = "desired-state-test-" + instance;
        this.groups = new ServiceGroupRepository(JdbcClient.create(dataSource));
        this.documents = new DesiredStateRepository(JdbcClient.create(dataSource));
        Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.publisher = new DesiredStatePublisher(documents, new DesiredStatePublisher.Settings(
                new DesiredStateTopic(outputTopic, 3, (short) 1), client, client, Duration.ofMillis(100),
                Duration.ofMillis(400)));
        ConsumerSettings settings = new ConsumerSettings("desired-state-" + instance,
                List.of(topics.groupTopic, topics.poolTopic, topics.clusterTopic),
                ConsumerSettings.kafkaConfig(bootstrapServers, groupId, groupId, Map.of()),
                Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(400));
        this.consumer = new ProjectionConsumer(settings, new DesiredStateProjector(groups, documents,
                EngineCatalogue.standard(), publisher::wake), new DataSourceTransactionManager(dataSource));
        this.jdbc = new JdbcTemplate(dataSource);
    }

    static RunningDesiredState start(DataSource dataSource, String bootstrapServers, ServiceGroupEventFixtures topics) {
        RunningDesiredState running = new RunningDesiredState(dataSource, bootstrapServers, topics);
        running.publisher.start();
        running.consumer.start();
        return running;
    }

    /** The version of every group the view holds, deleted ones included. */
    Map<String, Long> versions() {
        Map<String, Long> versions = new LinkedHashMap<>();
        jdbc.query("SELECT name, last_sequence FROM service_group_view ORDER BY name",
                rs -> {
                    versions.put(rs.getString(1), rs.getLong(2));
                });
        return versions;
    }

    long version(String group) {
        return versions().getOrDefault(group, -1L);
    }

    /** Every row of every table the projection writes, publication included, in key order. */
    Map<String, List<Map<String, Object>>> dump() {
        return Map.of(
                "service_group_view", rows("SELECT * FROM service_group_view ORDER BY name"),
                "service_group_operation_view",
                rows("SELECT * FROM service_group_operation_view ORDER BY group_name, operation_id"),
                "desired_state_document", rows("SELECT * FROM desired_state_document ORDER BY group_name"),
                "desired_state_reference", rows("SELECT * FROM desired_state_reference ORDER BY kind, name, group_name"),
                "desired_state_pool", rows("SELECT * FROM desired_state_pool ORDER BY name"),
                "desired_state_cluster", rows("SELECT * FROM desired_state_cluster ORDER BY name"));
    }

    /** The rows of one group, and every pool and cluster: what events of that group may change. */
    Map<String, List<Map<String, Object>>> dump(String group) {
        Map<String, List<Map<String, Object>>> rows = new TreeMap<>(dump());
        rows.replaceAll((table, list) -> table.endsWith("_pool") || table.endsWith("_cluster") ? list
                : list.stream().filter(row -> group.equals(row.get("group_name"))
                        || (table.equals("service_group_view") && group.equals(row.get("name")))).toList());
        return rows;
    }

    int pools() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM desired_state_pool", Integer.class);
    }

    int clusters() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM desired_state_cluster", Integer.class);
    }

    /** The rows with large objects read as text, so that two dumps compare by content. */
    private List<Map<String, Object>> rows(String sql) {
        return jdbc.queryForList(sql).stream().map(row -> {
            Map<String, Object> copy = new LinkedHashMap<>();
            row.forEach((column, value) -> copy.put(column.toLowerCase(Locale.ROOT), text(value)));
            return copy;
        }).toList();
    }

    private static Object text(Object value) {
        if (!(value instanceof Clob clob)) {
            return value;
        }
        try {
            return clob.getSubString(1, (int) clob.length());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether every document the read model holds has been acknowledged by Kafka. */
    boolean allPublished() {
        return documents.unpublished(1).isEmpty();
    }

    @Override
    public void close() {
        consumer.stop();
        publisher.stop();
    }
}
