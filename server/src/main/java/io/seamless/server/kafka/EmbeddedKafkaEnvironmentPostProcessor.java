package io.seamless.server.kafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.DefaultPropertiesPropertySource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded Kafka broker when no Kafka is configured, and points {@code spring.kafka.bootstrap-servers}
 * at it. It runs while the environment is prepared, so the broker is up before any bean can ask for Kafka.
 *
 * <p>Off when {@code spring.kafka.bootstrap-servers} is set (in any form the binder understands, including
 * a YAML list) or {@code seamless.kafka.embedded.enabled=false}. Properties: {@code seamless.data-dir}
 * (default {@code ./data}; the broker uses its {@code kafka} subdirectory), {@code seamless.kafka.embedded.port}
 * (default 9092, 0 for a free port), {@code seamless.kafka.embedded.controller-port} (default 0).
 * {@link EmbeddedKafkaLifecycleListener} stops the broker when the application context closes.
 */
public class EmbeddedKafkaEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE_NAME = "seamlessEmbeddedKafka";
    static final String BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";
    static final String ENABLED = "seamless.kafka.embedded.enabled";
    static final String PORT = "seamless.kafka.embedded.port";
    static final String CONTROLLER_PORT = "seamless.kafka.embedded.controller-port";
    static final String DATA_DIR = "seamless.data-dir";
    static final int DEFAULT_PORT = 9092;

    private final Log log;

    public EmbeddedKafkaEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedKafkaEnvironmentPostProcessor.class);
    }

    /** Last, so that every other source, config data included, has had its say on the bootstrap servers. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        if (!wanted(binder)) {
            return;
        }
        Path dataDir = Path.of(binder.bind(DATA_DIR, String.class).orElse("./data")).resolve("kafka");
        int port = binder.bind(PORT, Integer.class).orElse(DEFAULT_PORT);
        int controllerPort = binder.bind(CONTROLLER_PORT, Integer.class).orElse(0);
        EmbeddedKafkaBroker broker = EmbeddedKafkaHolder.acquire(dataDir, port, controllerPort, application).broker();
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties(broker)));
        DefaultPropertiesPropertySource.moveToEnd(environment);
        log.info("Embedded Kafka broker listening on " + broker.bootstrapServers() + ", data in " + broker.dataDir());
    }

    private static boolean wanted(Binder binder) {
        boolean enabled = binder.bind(ENABLED, Boolean.class).orElse(true);
        return enabled && !binder.bind(BOOTSTRAP_SERVERS, Bindable.listOf(String.class)).isBound();
    }

    private static Map<String, Object> properties(EmbeddedKafkaBroker broker) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(BOOTSTRAP_SERVERS, broker.bootstrapServers());
        properties.putAll(BrokerLogging.defaultLevels());
        return properties;
    }
}
