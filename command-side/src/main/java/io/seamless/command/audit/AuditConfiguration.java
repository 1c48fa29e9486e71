package io.seamless.command.audit;

import io.seamless.command.ConditionalOnCommandRole;
import io.seamless.command.publication.CloudEventMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Chains every event the command side records (see {@link HashChain}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnCommandRole
public class AuditConfiguration {

    @Bean
    HashChain hashChain(JdbcClient jdbc, CloudEventMapper cloudEventMapper) {
        return new HashChain(jdbc, cloudEventMapper);
    }

    /** On the event store itself: Axon gives dispatch interceptor beans to the EventGateway only. */
    @Bean
    InitializingBean hashChainRegistration(EventStore eventStore, HashChain hashChain) {
        return () -> eventStore.registerDispatchInterceptor(hashChain);
    }
}
