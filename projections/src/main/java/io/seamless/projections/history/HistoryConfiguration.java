package io.seamless.projections.history;

import io.seamless.projections.ConditionalOnProjectionsRole;
import io.seamless.projections.ProjectionsConfiguration;
import io.seamless.projections.ProjectionsProperties;
import io.seamless.projections.support.ConsumerSettings;
import io.seamless.projections.support.KafkaEnvironment;
import io.seamless.projections.support.ProjectionConsumer;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The history read model: one consumer over every event topic, in a consumer group of its own
 * ({@code <group-id>-history}), since the other projections read the same topics in theirs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProjectionsRole
public class HistoryConfiguration {

    @Bean
    @DependsOn(ProjectionsConfiguration.SCHEMA_BEAN)
    HistoryRepository historyRepository(DataSource dataSource) {
        return new HistoryRepository(JdbcClient.create(dataSource));
    }

    @Bean
    @DependsOn(ProjectionsConfiguration.SCHEMA_BEAN)
    ProjectionConsumer historyProjectionConsumer(HistoryRepository history, DataSource dataSource,
                                                 ProjectionsProperties properties, Environment environment) {
        String groupId = properties.groupId() + "-history";
        ConsumerSettings settings = new ConsumerSettings("history",
                List.of(HistoryRepository.SERVICE_GROUP_TOPIC, ProjectionsConfiguration.IP_POOL_TOPIC,
                        ProjectionsConfiguration.CLUSTER_TOPIC),
                ConsumerSettings.kafkaConfig(KafkaEnvironment.bootstrapServers(environment), groupId, groupId,
                        KafkaEnvironment.additionalConsumerProperties(environment)),
                properties.pollTimeout(), properties.retryBackoff(), properties.retryBackoffMax());
        return new ProjectionConsumer(settings, new HistoryProjector(history), new DataSourceTransactionManager(dataSource));
    }
}
