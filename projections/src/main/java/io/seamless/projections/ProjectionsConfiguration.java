package io.seamless.projections;

import io.seamless.projections.cluster.ClusterProjector;
import io.seamless.projections.cluster.ClusterRepository;
import io.seamless.projections.ippool.IpPoolProjector;
import io.seamless.projections.ippool.IpPoolRepository;
import io.seamless.projections.support.ConsumerSettings;
import io.seamless.projections.support.KafkaEnvironment;
import io.seamless.projections.support.ProjectionConsumer;
import io.seamless.projections.support.ProjectionSchema;
import javax.sql.DataSource;
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

    @Bean(SCHEMA_BEAN)
    ProjectionSchema projectionsSchema(DataSource dataSource) {
        return new ProjectionSchema(dataSource);
    }

    @Bean
    @DependsOn(SCHEMA_BEAN)
    IpPoolRepository ipPoolViewRepository(DataSource dataSource) {
        return new IpPoolRepository(JdbcClient.create(dataSource));
    }

    @Bean
    @DependsOn(SCHEMA_BEAN)
    ProjectionConsumer ipPoolProjectionConsumer(IpPoolRepository repository, DataSource dataSource,
                                                ProjectionsProperties properties, Environment environment) {
        ConsumerSettings settings = settings("ippool", IP_POOL_TOPIC, properties, environment);
        return new ProjectionConsumer(settings, new IpPoolProjector(repository),
                new DataSourceTransactionManager(dataSource));
    }

    @Bean
    @DependsOn(SCHEMA_BEAN)
    ClusterRepository clusterViewRepository(DataSource dataSource) {
        return new ClusterRepository(JdbcClient.create(dataSource));
    }

    @Bean
    @DependsOn(SCHEMA_BEAN)
    ProjectionConsumer clusterProjectionConsumer(ClusterRepository repository, DataSource dataSource,
                                                 ProjectionsProperties properties, Environment environment) {
        ConsumerSettings settings = settings("cluster", CLUSTER_TOPIC, properties, environment);
        return new ProjectionConsumer(settings, new ClusterProjector(repository),
                new DataSourceTransactionManager(dataSource));
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
