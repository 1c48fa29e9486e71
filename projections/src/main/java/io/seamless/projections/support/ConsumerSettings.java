package io.seamless.projections.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Everything one projection consumer needs to run.
 *
 * @param name            short name of the projection, used in the thread name and in log lines
 * @param topics          the topics it folds, in one thread: a read model built from several aggregates'
 *                        topics (the desired state) then sees their events in one order, without races
 * @param kafka           Kafka consumer configuration, see {@link #kafkaConfig}
 * @param pollTimeout     longest wait of one poll, which bounds how long a stop takes
 * @param retryBackoff    first pause after a failure, doubled on each further failure
 * @param retryBackoffMax longest pause
 */
public record ConsumerSettings(String name, List<String> topics, Map<String, Object> kafka, Duration pollTimeout,
                               Duration retryBackoff, Duration retryBackoffMax) {

    public ConsumerSettings {
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("projection " + name + " folds no topic");
        }
        topics = List.copyOf(topics);
        kafka = Map.copyOf(kafka);
    }

    /** A projection of one topic, as most are. */
    public ConsumerSettings(String name, String topic, Map<String, Object> kafka, Duration pollTimeout,
                            Duration retryBackoff, Duration retryBackoffMax) {
        this(name, List.of(topic), kafka, pollTimeout, retryBackoff, retryBackoffMax);
    }

    /**
     * The consumer configuration of a projection. The settings its correctness depends on (manual commits
     * after the database commit, reading only committed transactions, replay from the start for a new
     * group) are set last, so that no additional property can change them.
     */
    public static Map<String, Object> kafkaConfig(String bootstrapServers, String groupId, String clientId,
                                                  Map<String, String> additional) {
        Map<String, Object> config = new HashMap<>(additional);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        return config;
    }

    /** The same settings in another consumer group (its client id following), e.g. for a rebuild's replay. */
    public ConsumerSettings inGroup(String groupId) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        return new ConsumerSettings(name, topics, config, pollTimeout, retryBackoff, retryBackoffMax);
    }

    public String groupId() {
        return String.valueOf(kafka.get(ConsumerConfig.GROUP_ID_CONFIG));
    }
}
