package io.seamless.projections.servicegroup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamless.schemas.DesiredStateSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything on a desired-state topic, read from the beginning to the end as a reactor would on start: every
 * record in order, the last value of each key (null for a tombstone), each document checked against the
 * published JSON Schema.
 */
final class PublishedDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DesiredStateSchema SCHEMA = DesiredStateSchema.load();

    final List<ConsumerRecord<String, byte[]>> records;

    private PublishedDocuments(List<ConsumerRecord<String, byte[]>> records) {
        this.records = List.copyOf(records);
        records.stream().filter(record -> record.value() != null).forEach(record -> assertThat(
                SCHEMA.validate(json(record.value()))).as("schema violations of %s", record.key()).isEmpty());
    }

    static PublishedDocuments read(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // Reading must never create the topic: the publisher creates it, compacted.
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return new PublishedDocuments(List.of());
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (assigned.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return new PublishedDocuments(records);
        }
    }

    /** The topic's {@code cleanup.policy}, as the broker reports it. */
    static String cleanupPolicy(String bootstrapServers, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        }
    }

    /** The last value of each key: what a compacted topic keeps; null for a tombstone. */
    Map<String, byte[]> latest() {
        Map<String, byte[]> latest = new HashMap<>();
        records.forEach(record -> latest.put(record.key(), record.value()));
        return latest;
    }

    /** The group's last document, or null when it has none or a tombstone. */
    JsonNode document(String group) {
        byte[] value = latest().get(group);
        return value == null ? null : json(value);
    }

    long count(String group) {
        return records.stream().filter(record -> record.key().equals(group)).count();
    }

    boolean hasTombstone(String group) {
        return latest().containsKey(group) && latest().get(group) == null;
    }

    /** The group's document is at this version. */
    boolean at(String group, long version) {
        JsonNode document = document(group);
        return document != null && document.path("version").asLong() == version;
    }

    static JsonNode json(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
