package io.seamless.reactors.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The reactors' Kafka clients from the ordinary Spring Boot properties ({@code spring.kafka.bootstrap-servers},
 * {@code spring.kafka.properties.*} and the per-client {@code consumer}/{@code producer} maps), so that one setting
 * (brokers, TLS, SASL) serves every role of the process. The reactors read whole topics by assignment, never in a
 * consumer group: no offsets are committed, a restart reads the state again.
 *
 * @param consumer settings of every consumer, before the ones a reader forces
 * @param producer settings of the observation producer, before the ones it forces
 */
public record KafkaSettings(Map<String, Object> consumer, Map<String, Object> producer) {

    static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";

    public KafkaSettings {
        consumer = Map.copyOf(consumer);
        producer = Map.copyOf(producer);
    }

    /** Only the brokers: tests and processes without extra client settings. */
    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    static KafkaSettings from(Environment environment) {
        Binder binder = Binder.get(environment);
        String servers = String.join(",", binder.bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class))
                .orElse(List.of(DEFAULT_BOOTSTRAP_SERVERS)));
        return new KafkaSettings(client(binder, "consumer", servers), client(binder, "producer", servers));
    }

    private static Map<String, Object> client(Binder binder, String kind, String servers) {
        Bindable<Map<String, String>> map = Bindable.mapOf(String.class, String.class);
        Map<String, Object> config = new HashMap<>(binder.bind("spring.kafka.properties", map).orElse(Map.of()));
        config.putAll(binder.bind("spring.kafka." + kind + ".properties", map).orElse(Map.of()));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        return config;
    }
}
