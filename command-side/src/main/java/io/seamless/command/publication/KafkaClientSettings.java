package io.seamless.command.publication;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The ordinary Spring Boot Kafka properties, read for the plain clients of the command side, so
 * that one setting (brokers, TLS, SASL) serves every Kafka client of the process.
 */
public final class KafkaClientSettings {

    private KafkaClientSettings() {
    }

    /** {@code spring.kafka.bootstrap-servers}, a comma-separated string or a list. */
    public static String bootstrapServers(Environment environment) {
        return String.join(",", Binder.get(environment)
                .bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class))
                .orElseThrow(() -> new IllegalStateException("spring.kafka.bootstrap-servers is not set")));
    }

    /** {@code spring.kafka.properties.*}, overridden by {@code spring.kafka.<client>.properties.*}, as Boot does. */
    public static Map<String, Object> additional(Environment environment, String client) {
        Binder binder = Binder.get(environment);
        Bindable<Map<String, String>> map = Bindable.mapOf(String.class, String.class);
        Map<String, Object> properties = new HashMap<>(binder.bind("spring.kafka.properties", map).orElse(Map.of()));
        properties.putAll(binder.bind("spring.kafka." + client + ".properties", map).orElse(Map.of()));
        return properties;
    }
}
