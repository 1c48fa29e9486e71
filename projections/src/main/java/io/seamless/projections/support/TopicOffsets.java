package io.seamless.projections.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Offsets of a projection's topics, read with a short-lived consumer that joins no group: where each partition
 * begins and ends, and how far a consumer group has committed.
 */
public final class TopicOffsets {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Where each partition began and ended at one moment. */
    public record Span(Map<TopicPartition, Long> beginning, Map<TopicPartition, Long> end) {

        public long events() {
            return end.entrySet().stream().mapToLong(e -> e.getValue() - beginning.get(e.getKey())).sum();
        }

        /** Events up to {@code end} that a consumer at these next offsets has applied. */
        public long applied(Map<TopicPartition, Long> next) {
            return end.keySet().stream()
                    .mapToLong(p -> Math.min(end.get(p), position(next, p)) - beginning.get(p))
                    .sum();
        }

        /** True when the consumer at these next offsets is at or past {@code target} on every partition. */
        public boolean reached(Map<TopicPartition, Long> next, Map<TopicPartition, Long> target) {
            return target.entrySet().stream().allMatch(e -> position(next, e.getKey()) >= e.getValue());
        }

        /** A partition a consumer had nothing to apply from is where it begins. */
        public long position(Map<TopicPartition, Long> next, TopicPartition partition) {
            return next.getOrDefault(partition, beginning.getOrDefault(partition, 0L));
        }
    }

    private final Map<String, Object> kafka;
    private final List<String> topics;

    public TopicOffsets(Map<String, Object> consumerConfig, List<String> topics) {
        this.kafka = new HashMap<>(consumerConfig);
        this.kafka.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.kafka.put(ConsumerConfig.CLIENT_ID_CONFIG, "seamless-rebuild-offsets");
        this.topics = List.copyOf(topics);
    }

    public Span span() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(null)) {
            Set<TopicPartition> partitions = partitions(consumer);
            return new Span(Map.copyOf(consumer.beginningOffsets(partitions, TIMEOUT)),
                    Map.copyOf(consumer.endOffsets(partitions, TIMEOUT)));
        }
    }

    /** The next offsets the group committed; partitions it never committed are missing. */
    public Map<TopicPartition, Long> committed(String groupId) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(groupId)) {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions(consumer), TIMEOUT);
            return committed.entrySet().stream().filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    private Set<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        return topics.stream().flatMap(topic -> consumer.partitionsFor(topic, TIMEOUT).stream())
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .collect(Collectors.toSet());
    }

    private KafkaConsumer<byte[], byte[]> consumer(String groupId) {
        Map<String, Object> config = new HashMap<>(kafka);
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
