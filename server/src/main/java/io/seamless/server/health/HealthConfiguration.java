package io.seamless.server.health;

import io.seamless.projections.ConditionalOnProjectionsRole;
import io.seamless.projections.status.ProjectionLag;
import io.seamless.reactors.runtime.ConditionalOnReactorsRole;
import io.seamless.reactors.runtime.ReactorsRuntime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Health components beside Spring Boot's own ({@code db}: the event store and read models): Kafka, the
 * projections' lag, and the reactors of this process's roles. {@code /actuator/health} answers without a token (for
 * probes); details need a token.
 */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(Environment environment,
                                              @Value("${seamless.health.kafka-timeout:3s}") String timeout) {
        return new KafkaHealthIndicator(environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                DurationStyle.detectAndParse(timeout));
    }

    @Bean
    @ConditionalOnProjectionsRole
    ProjectionsHealthIndicator projectionsHealthIndicator(ProjectionLag lag,
                                                          @Value("${seamless.projections.health.max-lag:10000}")
                                                          long maxLag) {
        return new ProjectionsHealthIndicator(lag, maxLag);
    }

    @Bean
    @ConditionalOnReactorsRole
    ReactorsHealthIndicator reactorsHealthIndicator(ReactorsRuntime runtime) {
        return new ReactorsHealthIndicator(runtime);
    }
}
