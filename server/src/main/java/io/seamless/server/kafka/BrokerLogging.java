package io.seamless.server.kafka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/** The broker logs hundreds of INFO lines per start; only its warnings matter to the control plane. */
final class BrokerLogging {

    /** Loggers of the broker and controller; Kafka clients log under org.apache.kafka.clients and stay as set. */
    static final List<String> BROKER_LOGGERS = List.of("kafka", "state.change.logger",
            "org.apache.kafka.controller", "org.apache.kafka.coordinator", "org.apache.kafka.image",
            "org.apache.kafka.metadata", "org.apache.kafka.queue", "org.apache.kafka.raft",
            "org.apache.kafka.server", "org.apache.kafka.snapshot", "org.apache.kafka.storage",
            "org.apache.zookeeper");

    private BrokerLogging() {
    }

    /** {@code logging.level.*} defaults for a Spring environment. */
    static Map<String, Object> defaultLevels() {
        Map<String, Object> levels = new LinkedHashMap<>();
        BROKER_LOGGERS.forEach(name -> levels.put("logging.level." + name, LogLevel.WARN.name()));
        return levels;
    }

    /** Outside Spring nobody sets these levels; an explicitly configured level is left alone. */
    static void quietUnlessConfigured() {
        try {
            LoggingSystem system = LoggingSystem.get(BrokerLogging.class.getClassLoader());
            for (String name : BROKER_LOGGERS) {
                LoggerConfiguration current = system.getLoggerConfiguration(name);
                if (current == null || current.getConfiguredLevel() == null) {
                    system.setLogLevel(name, LogLevel.WARN);
                }
            }
        } catch (RuntimeException e) {
            // No usable logging system (e.g. LoggingSystem "none"): the broker logs at whatever level applies.
            return;
        }
    }
}
