package io.seamless.command.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * How commands travel: audit metadata onto events, event ids back to the caller, and retries
 * of optimistic-concurrency conflicts. Two nodes appending to one aggregate are not serialised
 * by the JVM; the event store's unique (aggregate, sequence) key refuses the second writer and
 * the gateway retries it against the fresh state.
 */
@Configuration(proxyBeanMethods = false)
public class DispatchConfiguration {

    /** Every aggregate takes the version a command expects from its metadata ({@code If-Match}). */
    @Bean
    ConfigurerModule expectedVersionTargetResolver() {
        return configurer -> configurer.registerComponent(CommandTargetResolver.class,
                config -> new ExpectedVersionTargetResolver());
    }

    @Bean
    CorrelationDataProvider auditCorrelationDataProvider() {
        return new AuditCorrelationDataProvider();
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(daemonThreads("seamless-command-retry-"));
    }

    /** Threads that never keep the JVM alive on their own. */
    public static ThreadFactory daemonThreads(String namePrefix) {
        CustomizableThreadFactory factory = new CustomizableThreadFactory(namePrefix);
        factory.setDaemon(true);
        return factory;
    }

    @Bean
    RetryScheduler concurrencyRetryScheduler(ScheduledExecutorService commandRetryExecutor,
                                             @Value("${seamless.command.max-retries:30}") int maxRetries) {
        return ConcurrencyRetryScheduler.builder()
                .retryExecutor(commandRetryExecutor)
                .maxRetryCount(maxRetries)
                .build();
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, RetryScheduler concurrencyRetryScheduler) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(concurrencyRetryScheduler).build();
    }

    /** Axon registers handler interceptor beans on the command bus itself. */
    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> recordedEventsCommandInterceptor() {
        return RecordedEvents.commandInterceptor();
    }

    /**
     * Axon gives event dispatch interceptor beans to the EventGateway only, which aggregates' events
     * never pass: the event store itself must get this one.
     */
    @Bean
    InitializingBean recordedEventsEventInterceptor(EventStore eventStore) {
        return () -> eventStore.registerDispatchInterceptor(RecordedEvents.eventInterceptor());
    }

    /** Without Actuator (module tests) the meters go to a registry of their own. */
    @Bean
    CommandDispatcher commandDispatcher(CommandGateway commandGateway, ObjectProvider<MeterRegistry> meters) {
        return new CommandDispatcher(commandGateway, meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
