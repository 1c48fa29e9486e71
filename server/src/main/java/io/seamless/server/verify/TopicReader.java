package io.seamless.server.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads whole topics, from the beginning to their end when reading started, without a consumer group. */
final class TopicReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<byte[], byte[]> consumer;

    TopicReader(String bootstrapServers, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "seamless-verify-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Every event of the topic, with its {@code ce_*} attributes. */
    List<PublishedEvent> events(String topic) throws IOException {
        List<PublishedEvent> events = new ArrayList<>();
        List<IOException> failures = new ArrayList<>();
        readAll(topic, record -> {
            try {
                events.add(new PublishedEvent(topic, attributes(record), JSON.readTree(record.value())));
            } catch (IOException e) {
                failures.add(e);
            }
        });
        if (!failures.isEmpty()) {
            throw new IOException("an event of " + topic + " has no JSON data", failures.get(0));
        }
        return events;
    }

    /** Every record value of the topic as text, in offset order per partition. */
    List<String> values(String topic) {
        List<String> values = new ArrayList<>();
        readAll(topic, record -> values.add(new String(record.value(), StandardCharsets.UTF_8)));
        return values;
    }

    private void readAll(String topic, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            consumer.poll(Duration.ofMillis(500)).forEach(sink);
        }
    }

    private static Map<String, String> attributes(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> attributes = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.key().startsWith("ce_") && header.value() != null) {
                attributes.put(header.key().substring(3), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return attributes;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
