package io.seamless.projections.history;

import io.seamless.projections.ConditionalOnProjectionsRole;
import io.seamless.projections.ProjectionsConfiguration;
import io.seamless.projections.ProjectionsProperties;
import io.seamless.projections.support.ConsumerSettings;
import io.seamless.projections.support.KafkaEnvironment;
import io.seamless.projections.rebuild.RebuildableProjection;
import io.seamless.projections.support.ProjectionConsumer;
import io.seamless.projections.support.ProjectionGenerations;
import io.seamless.projections.support.ProjectionPlace;
import io.seamless.schemas.EventUpcasters;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    private static final String HISTORY = "history";

    @Bean
    ProjectionPlace historyPlace(DataSource dataSource, ProjectionGenerations generations,
                                 ProjectionsProperties properties, Environment environment) {
        String groupId = properties.groupId() + "-history";
        ConsumerSettings settings = new ConsumerSettings(HISTORY,
                List.of(HistoryRepository.SERVICE_GROUP_TOPIC, ProjectionsConfiguration.IP_POOL_TOPIC,
                        ProjectionsConfiguration.CLUSTER_TOPIC),
                ConsumerSettings.kafkaConfig(KafkaEnvironment.bootstrapServers(environment), groupId, groupId,
                        KafkaEnvironment.additionalConsumerProperties(environment)),
                properties.pollTimeout(), properties.retryBackoff(), properties.retryBackoffMax());
        return ProjectionPlace.current(HISTORY, settings, dataSource, generations);
    }

    @Bean
    HistoryRepository historyRepository(@Qualifier("historyPlace") ProjectionPlace place) {
        return new HistoryRepository(JdbcClient.create(place.storage()));
    }

    @Bean
    ProjectionConsumer historyProjectionConsumer(@Qualifier("historyPlace") ProjectionPlace place,
                                                 HistoryRepository history, ObjectProvider<EventUpcasters> upcasters) {
        return new ProjectionConsumer(place.settings(), new HistoryProjector(history),
                new DataSourceTransactionManager(place.storage()), ProjectionsConfiguration.registry(upcasters));
    }

    @Bean
    RebuildableProjection historyRebuild(@Qualifier("historyPlace") ProjectionPlace place,
                                         @Qualifier("historyProjectionConsumer") ProjectionConsumer consumer) {
        return new RebuildableProjection(HISTORY, place.storage(), consumer,
                List.of("event_history", "event_history_group_unit"), List.of(),
                storage -> new HistoryProjector(new HistoryRepository(JdbcClient.create(storage))));
    }
}
