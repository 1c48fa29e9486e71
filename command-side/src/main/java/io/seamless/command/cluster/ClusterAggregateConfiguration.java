package io.seamless.command.cluster;

import io.seamless.command.ConditionalOnCommandRole;
import io.seamless.command.ippool.IpPoolRegistry;
import io.seamless.domain.cluster.Cluster;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registers the Cluster aggregate with Axon (the domain carries no Spring annotation) and its registry.
 * A cluster's stream stays short (a handful of events a year), so it needs neither cache nor snapshots.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnCommandRole
public class ClusterAggregateConfiguration {

    @Bean
    ConfigurerModule clusterAggregate() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Cluster.class));
    }

    @Bean
    ClusterRegistry clusterRegistry(JdbcClient jdbc) {
        return new ClusterRegistry(jdbc);
    }

    /** Axon registers handler interceptor beans on the command bus itself, after its transaction interceptor. */
    @Bean
    ClusterCommandChecks clusterCommandChecks(ClusterRegistry clusterRegistry, IpPoolRegistry ipPoolRegistry) {
        return new ClusterCommandChecks(clusterRegistry, ipPoolRegistry);
    }

    @Bean
    ClusterRegistryProjector clusterRegistryProjector(JdbcClient jdbc) {
        return new ClusterRegistryProjector(jdbc);
    }

    @Bean
    ConfigurerModule clusterRegistryProcessor() {
        // The registry must change in the same transaction as the events it is derived from.
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(ClusterRegistryProjector.PROCESSING_GROUP);
    }
}
