package io.seamless.projections.servicegroup;

import io.seamless.domain.engine.EngineCatalogue;
import io.seamless.projections.ConditionalOnProjectionsRole;
import io.seamless.projections.ProjectionsConfiguration;
import io.seamless.projections.ProjectionsProperties;
import io.seamless.projections.rebuild.RebuildableProjection;
import io.seamless.projections.support.ConsumerSettings;
import io.seamless.projections.support.KafkaEnvironment;
import io.seamless.projections.support.ProjectionConsumer;
import io.seamless.projections.support.ProjectionGenerations;
import io.seamless.projections.support.ProjectionPlace;
import io.seamless.schemas.EventUpcasters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The service group read model and the desired-state documents: one consumer folds the service group, IP pool
 * and cluster topics in one thread, and one publisher sends the documents. The consumer group is the
 * projections' group id with {@value #GROUP_SUFFIX}: the IP pool and cluster topics are also read by their own
 * projections in the main group, where Kafka would share their partitions out between the two consumers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProjectionsRole
public class DesiredStateConfiguration {

    public static final String SERVICE_GROUP_TOPIC = "seamless.events.servicegroup";
    public static final String DESIRED_STATE_TOPIC = "seamless.desired-state";
    static final String GROUP_SUFFIX = "-desired-state";
    private static final String DESIRED_STATE = "desired-state";

    @Bean
    ProjectionPlace desiredStatePlace(DataSource dataSource, ProjectionGenerations generations,
                                      ProjectionsProperties properties, Environment environment) {
        String groupId = properties.groupId() + GROUP_SUFFIX;
        ConsumerSettings settings = new ConsumerSettings(DESIRED_STATE,
                List.of(SERVICE_GROUP_TOPIC, ProjectionsConfiguration.IP_POOL_TOPIC,
                        ProjectionsConfiguration.CLUSTER_TOPIC),
                ConsumerSettings.kafkaConfig(KafkaEnvironment.bootstrapServers(environment), groupId, groupId,
                        KafkaEnvironment.additionalConsumerProperties(environment)),
                properties.pollTimeout(), properties.retryBackoff(), properties.retryBackoffMax());
        return ProjectionPlace.current(DESIRED_STATE, settings, dataSource, generations);
    }

    @Bean
    ServiceGroupRepository serviceGroupRepository(@Qualifier("desiredStatePlace") ProjectionPlace place) {
        return new ServiceGroupRepository(JdbcClient.create(place.storage()));
    }

    @Bean
    DesiredStateRepository desiredStateRepository(@Qualifier("desiredStatePlace") ProjectionPlace place) {
        return new DesiredStateRepository(JdbcClient.create(place.storage()));
    }

    @Bean
    DesiredStatePublisher desiredStatePublisher(DesiredStateRepository documents, ProjectionsProperties properties,
                                                Environment environment) {
        String bootstrap = KafkaEnvironment.bootstrapServers(environment);
        Map<String, Object> producer = new HashMap<>(KafkaEnvironment.additionalProperties(environment, "producer"));
        producer.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producer.put(CommonClientConfigs.CLIENT_ID_CONFIG, properties.groupId() + GROUP_SUFFIX + "-publisher");
        Map<String, Object> admin = new HashMap<>(KafkaEnvironment.additionalProperties(environment, "admin"));
        admin.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // The same settings as the command side's topic provisioning, so that whichever role creates it first
        // creates the same topic.
        DesiredStateTopic topic = new DesiredStateTopic(DESIRED_STATE_TOPIC,
                environment.getProperty("seamless.kafka.topics.partitions", Integer.class, 3),
                environment.getProperty("seamless.kafka.topics.replication-factor", Short.class, (short) 1));
        return new DesiredStatePublisher(documents, new DesiredStatePublisher.Settings(topic, producer, admin,
                properties.retryBackoff(), properties.retryBackoffMax()));
    }

    @Bean
    ProjectionConsumer desiredStateProjectionConsumer(@Qualifier("desiredStatePlace") ProjectionPlace place,
                                                      ServiceGroupRepository groups, DesiredStateRepository documents,
                                                      DesiredStatePublisher publisher,
                                                      ObjectProvider<EventUpcasters> upcasters) {
        DesiredStateProjector projector = new DesiredStateProjector(groups, documents, EngineCatalogue.standard(),
                publisher::wake);
        return new ProjectionConsumer(place.settings(), projector, new DataSourceTransactionManager(place.storage()),
                ProjectionsConfiguration.registry(upcasters));
    }

    /**
     * What was published is carried over at a switch, not rebuilt: the publisher then sends only documents that
     * differ from what the reactors already have (none, when the rebuild equals the old generation).
     */
    @Bean
    RebuildableProjection desiredStateRebuild(@Qualifier("desiredStatePlace") ProjectionPlace place,
                                              @Qualifier("desiredStateProjectionConsumer") ProjectionConsumer consumer,
                                              DesiredStatePublisher publisher) {
        return new RebuildableProjection(DESIRED_STATE, place.storage(), consumer,
                List.of("service_group_view", "service_group_operation_view", "desired_state_document",
                        "desired_state_publication", "desired_state_pool", "desired_state_cluster",
                        "desired_state_reference", "desired_state_history"),
                List.of("desired_state_publication"),
                storage -> new DesiredStateProjector(new ServiceGroupRepository(JdbcClient.create(storage)),
                        new DesiredStateRepository(JdbcClient.create(storage)), EngineCatalogue.standard(),
                        publisher::wake));
    }
}
