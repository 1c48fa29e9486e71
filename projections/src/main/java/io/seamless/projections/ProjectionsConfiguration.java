package io.seamless.projections;

import io.seamless.projections.cluster.ClusterProjector;
import io.seamless.projections.cluster.ClusterRepository;
import io.seamless.projections.ippool.IpPoolProjector;
import io.seamless.projections.ippool.IpPoolRepository;
import io.seamless.projections.rebuild.RebuildableProjection;
import io.seamless.projections.support.ConsumerSettings;
import io.seamless.projections.support.KafkaEnvironment;
import io.seamless.projections.support.ProjectionConsumer;
import io.seamless.projections.support.ProjectionGenerations;
import io.seamless.projections.support.ProjectionPlace;
import io.seamless.projections.support.ProjectionSchema;
import io.seamless.schemas.EventUpcasters;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The projections role: read models folded from Kafka only, over the application's DataSource.
 *
 * <p>Nothing here is a {@code Flyway}, {@code JdbcClient} or transaction manager bean: those would make
 * Spring Boot's own auto-configuration back off for the other roles of the same process.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProjectionsRole
@EnableConfigurationProperties(ProjectionsProperties.class)
public class ProjectionsConfiguration {

    public static final String IP_POOL_TOPIC = "seamless.events.ippool";
    public static final String CLUSTER_TOPIC = "seamless.events.cluster";
    public static final String SCHEMA_BEAN = "projectionsSchema";
    private static final String IP_POOL = "ippool";
    private static final String CLUSTER = "cluster";

    @Bean(SCHEMA_BEAN)
    ProjectionSchema projectionsSchema(DataSource dataSource) {
        return new ProjectionSchema(dataSource);
    }

    @Bean
    @DependsOn(SCHEMA_BEAN)
    ProjectionGenerations projectionGenerations(DataSource dataSource) {
        return new ProjectionGenerations(dataSource);
    }

    @Bean
    ProjectionPlace ipPoolPlace(DataSource dataSource, ProjectionGenerations generations,
                                ProjectionsProperties properties, Environment environment) {
        return ProjectionPlace.current(IP_POOL, settings(IP_POOL, IP_POOL_TOPIC, properties, environment), dataSource,
                generations);
    }

    @Bean
    IpPoolRepository ipPoolViewRepository(@Qualifier("ipPoolPlace") ProjectionPlace place) {
        return new IpPoolRepository(JdbcClient.create(place.storage()));
    }

    @Bean
    ProjectionConsumer ipPoolProjectionConsumer(@Qualifier("ipPoolPlace") ProjectionPlace place,
                                                IpPoolRepository repository, ObjectProvider<EventUpcasters> upcasters) {
        return new ProjectionConsumer(place.settings(), new IpPoolProjector(repository),
                new DataSourceTransactionManager(place.storage()), registry(upcasters));
    }

    @Bean
    RebuildableProjection ipPoolRebuild(@Qualifier("ipPoolPlace") ProjectionPlace place,
                                        @Qualifier("ipPoolProjectionConsumer") ProjectionConsumer consumer) {
        return new RebuildableProjection(IP_POOL, place.storage(), consumer,
                List.of("ip_pool_view", "ip_allocation_view"), List.of(),
                storage -> new IpPoolProjector(new IpPoolRepository(JdbcClient.create(storage))));
    }

    @Bean
    ProjectionPlace clusterPlace(DataSource dataSource, ProjectionGenerations generations,
                                 ProjectionsProperties properties, Environment environment) {
        return ProjectionPlace.current(CLUSTER, settings(CLUSTER, CLUSTER_TOPIC, properties, environment), dataSource,
                generations);
    }

    @Bean
    ClusterRepository clusterViewRepository(@Qualifier("clusterPlace") ProjectionPlace place) {
        return new ClusterRepository(JdbcClient.create(place.storage()));
    }

    @Bean
    ProjectionConsumer clusterProjectionConsumer(@Qualifier("clusterPlace") ProjectionPlace place,
                                                 ClusterRepository repository, ObjectProvider<EventUpcasters> upcasters) {
        return new ProjectionConsumer(place.settings(), new ClusterProjector(repository),
                new DataSourceTransactionManager(place.storage()), registry(upcasters));
    }

    @Bean
    RebuildableProjection clusterRebuild(@Qualifier("clusterPlace") ProjectionPlace place,
                                         @Qualifier("clusterProjectionConsumer") ProjectionConsumer consumer) {
        return new RebuildableProjection(CLUSTER, place.storage(), consumer, List.of("cluster_view"), List.of(),
                storage -> new ClusterProjector(new ClusterRepository(JdbcClient.create(storage))));
    }

    /**
     * The registry of version steps every projection reads its records with: the product's, or the
     * {@link EventUpcasters} bean the context declares (tests do, to add steps; so does nothing in production).
     */
    public static EventUpcasters registry(ObjectProvider<EventUpcasters> declared) {
        return declared.getIfAvailable(EventUpcasters::product);
    }

    private static ConsumerSettings settings(String name, String topic, ProjectionsProperties properties,
                                             Environment environment) {
        String clientId = properties.groupId() + "-" + name;
        return new ConsumerSettings(name, topic,
                ConsumerSettings.kafkaConfig(KafkaEnvironment.bootstrapServers(environment), properties.groupId(),
                        clientId, KafkaEnvironment.additionalConsumerProperties(environment)),
                properties.pollTimeout(), properties.retryBackoff(), properties.retryBackoffMax());
    }
}
