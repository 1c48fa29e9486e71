package io.seamless.projections.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Reads the ordinary Spring Boot Kafka properties, so that one setting (brokers, TLS, SASL) serves every
 * role of the process. This module uses the plain Kafka client, without spring-kafka's KafkaProperties.
 */
public final class KafkaEnvironment {

    static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";

    private KafkaEnvironment() {
    }

    /** {@code spring.kafka.bootstrap-servers}, a comma-separated string or a list; Boot's default otherwise. */
    public static String bootstrapServers(Environment environment) {
        return String.join(",", Binder.get(environment)
                .bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class))
                .orElse(List.of(DEFAULT_BOOTSTRAP_SERVERS)));
    }

    /** {@code spring.kafka.properties.*} overridden by {@code spring.kafka.consumer.properties.*}, as Boot does. */
    public static Map<String, String> additionalConsumerProperties(Environment environment) {
        return additionalProperties(environment, "consumer");
    }

    /**
     * {@code spring.kafka.properties.*} overridden by {@code spring.kafka.<client>.properties.*}, as Boot does;
     * {@code client} is {@code consumer}, {@code producer} or {@code admin}.
     */
    public static Map<String, String> additionalProperties(Environment environment, String client) {
        Binder binder = Binder.get(environment);
        Bindable<Map<String, String>> map = Bindable.mapOf(String.class, String.class);
        Map<String, String> properties = new HashMap<>(binder.bind("spring.kafka.properties", map).orElse(Map.of()));
        properties.putAll(binder.bind("spring.kafka." + client + ".properties", map).orElse(Map.of()));
        return properties;
    }
}
