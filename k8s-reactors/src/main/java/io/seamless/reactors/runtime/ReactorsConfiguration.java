package io.seamless.reactors.runtime;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The reactors role: one {@link ReactorsRuntime} that discovers the registered clusters on Kafka and runs a reactor
 * for each, against its real API server or a sandbox. Active when {@code seamless.roles} names {@code reactors}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnReactorsRole
@EnableConfigurationProperties(ReactorsProperties.class)
public class ReactorsConfiguration {

    @Bean
    ReactorsRuntime reactorsRuntime(ReactorsProperties properties, Environment environment) {
        Path sandboxDirectory = properties.sandbox().directory() != null ? properties.sandbox().directory()
                : Path.of(environment.getProperty("seamless.data-dir", "./data")).resolve("sandbox");
        return new ReactorsRuntime(properties, KafkaSettings.from(environment), sandboxDirectory, Clock.systemUTC());
    }
}
