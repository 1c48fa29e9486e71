package io.seamless.command.servicegroup;

import io.seamless.command.ConditionalOnCommandRole;
import io.seamless.command.cluster.ClusterRegistry;
import io.seamless.command.dispatch.CommandDispatcher;
import io.seamless.domain.servicegroup.ServiceGroup;
import io.seamless.command.eventstore.BoundedAggregateCache;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Registers the ServiceGroup aggregate with Axon (the domain carries no Spring annotation), the
 * ledger that keeps the command side's placement and work tables in step with its events, and
 * the address provisioner that works through them, and the reports of removed units being gone that
 * the provisioner waits for before it gives their addresses back.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnCommandRole
@EnableConfigurationProperties(ServiceGroupProperties.class)
public class ServiceGroupConfiguration {

    @Bean
    Cache serviceGroupCache(@Value("${seamless.service-groups.cache-size:10000}") long cacheSize) {
        return new BoundedAggregateCache(cacheSize);
    }

    @Bean
    ConfigurerModule serviceGroupAggregate(Cache serviceGroupCache) {
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(ServiceGroup.class)
                        .configureCache(config -> serviceGroupCache));
    }

    @Bean
    ServiceGroupLedger serviceGroupLedger(JdbcClient jdbc, @Lazy AddressProvisioner provisioner) {
        return new ServiceGroupLedger(jdbc, provisioner::wake);
    }

    @Bean
    ConfigurerModule serviceGroupLedgerProcessor() {
        // The ledger must change in the same transaction as the events it is derived from.
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(ServiceGroupLedger.PROCESSING_GROUP);
    }

    @Bean
    AddressProvisioner addressProvisioner(JdbcClient jdbc, CommandDispatcher dispatcher,
                                          ServiceGroupProperties properties) {
        return new AddressProvisioner(jdbc, dispatcher, properties.provisioningPoll(),
                properties.releaseAddressesAfter());
    }

    @Bean
    UnitReleases unitReleases(JdbcClient jdbc, ServiceGroupProperties properties,
                              @Lazy AddressProvisioner provisioner) {
        return new UnitReleases(jdbc, properties.releaseAddressesAfter(), provisioner::wake);
    }

    @Bean
    ServiceGroupReader serviceGroupReader(org.axonframework.config.Configuration axon) {
        return new ServiceGroupReader(() -> axon.repository(ServiceGroup.class));
    }

    @Bean
    ServiceGroupPlanner serviceGroupPlanner(CommandDispatcher dispatcher, ServiceGroupReader reader,
                                            ClusterRegistry clusters, PlatformTransactionManager transactionManager) {
        return new ServiceGroupPlanner(dispatcher, reader, new RegisteredClusters(clusters), transactionManager);
    }
}
