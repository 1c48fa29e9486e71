package io.seamless.command.ippool;

import io.seamless.command.ConditionalOnCommandRole;
import io.seamless.command.eventstore.BoundedAggregateCache;
import io.seamless.command.dispatch.DispatchConfiguration;
import io.seamless.domain.ippool.IpPool;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
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
    Cache ipPoolCache(@Value("${seamless.ippool.cache-size:1000}") long cacheSize) {
        return new BoundedAggregateCache(cacheSize);
    }

    /** Snapshots are written off the command path: a large pool's snapshot takes milliseconds to serialize. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService ipPoolSnapshotExecutor() {
        return Executors.newSingleThreadExecutor(DispatchConfiguration.daemonThreads("seamless-ippool-snapshotter-"));
    }

    @Bean
    ConfigurerModule ipPoolAggregate(Cache ipPoolCache, ExecutorService ipPoolSnapshotExecutor,
                                     @Value("${seamless.ippool.snapshot-threshold:250}") int snapshotThreshold) {
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(IpPool.class)
                        .configureCache(config -> ipPoolCache)
                        .configureSnapshotTrigger(config -> new EventCountSnapshotTriggerDefinition(
                                snapshotter(config, ipPoolSnapshotExecutor), snapshotThreshold)));
    }

    /**
     * The Spring snapshotter only knows aggregates declared with Spring's {@code @Aggregate}; the
     * domain carries no Spring annotation, so IpPool gets a snapshotter of its own.
     */
    private static Snapshotter snapshotter(org.axonframework.config.Configuration config, Executor executor) {
        return AggregateSnapshotter.builder()
                .eventStore(config.eventStore())
                .executor(executor)
                .transactionManager(config.getComponent(TransactionManager.class))
                .aggregateFactories(new GenericAggregateFactory<>(IpPool.class))
                .repositoryProvider(config::repository)
                .parameterResolverFactory(config.parameterResolverFactory())
                .handlerDefinition(config.handlerDefinition(IpPool.class))
                .build();
    }

    /** Axon registers handler interceptor beans on the command bus itself, after its transaction interceptor. */
    @Bean
    IpPoolRegistry ipPoolRegistry(JdbcClient jdbc) {
        return new IpPoolRegistry(jdbc);
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
