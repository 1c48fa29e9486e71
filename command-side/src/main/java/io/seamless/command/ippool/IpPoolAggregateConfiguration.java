package io.seamless.command.ippool;

import io.seamless.command.ConditionalOnCommandRole;
import io.seamless.domain.ippool.IpPool;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registers the IpPool aggregate with Axon. The domain carries no Spring annotation, so it is
 * configured here: a cache keeps hot pools in memory between commands (a stale entry only
 * costs a concurrency retry: the event store's unique key still decides), and a snapshot every
 * {@code seamless.ippool.snapshot-threshold} events bounds the replay of a large pool.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnCommandRole
public class IpPoolAggregateConfiguration {

    @Bean
    Cache ipPoolCache() {
        return new WeakReferenceCache();
    }

    @Bean
    ConfigurerModule ipPoolAggregate(Cache ipPoolCache,
                                     @Value("${seamless.ippool.snapshot-threshold:250}") int snapshotThreshold) {
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(IpPool.class)
                        .configureCache(config -> ipPoolCache)
                        .configureSnapshotTrigger(config ->
                                new EventCountSnapshotTriggerDefinition(config.snapshotter(), snapshotThreshold)));
    }

    @Bean
    IpPoolRegistry ipPoolRegistry(JdbcClient jdbc, CommandBus commandBus) {
        IpPoolRegistry registry = new IpPoolRegistry(jdbc);
        commandBus.registerHandlerInterceptor(registry);
        return registry;
    }

    @Bean
    IpPoolRegistry.Projector ipPoolRegistryProjector(JdbcClient jdbc) {
        return new IpPoolRegistry.Projector(jdbc);
    }

    @Bean
    ConfigurerModule ipPoolRegistryProcessor() {
        // The registry must change in the same transaction as the events it is derived from.
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(IpPoolRegistry.PROCESSING_GROUP);
    }
}
