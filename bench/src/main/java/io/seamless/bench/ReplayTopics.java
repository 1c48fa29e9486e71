package io.seamless.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A large history made from a real one: every record of the real event topics is read back, and one template
 * group's records are copied many times under other names (key, subject, data and unit ids renamed, a fresh
 * event id each) onto topics of the benchmark's own, which no running consumer of the server reads.
 */
final class ReplayTopics {

    static final String PREFIX = "bench.replay.";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrap;

    ReplayTopics(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Every record of the topic, from its start to its end now. */
    List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * Writes {@code copies} copies of the template group's records (in order, each copy renamed) to
     * {@code bench.replay.<name>}, and the records of the other topics unchanged before them.
     *
     * @return the records written in all
     */
    long write(Map<String, List<ConsumerRecord<byte[], byte[]>>> topics, String groupTopic, String template,
               int copies) throws Exception {
        createTopics(topics.keySet());
        long written = 0;
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (Map.Entry<String, List<ConsumerRecord<byte[], byte[]>>> topic : topics.entrySet()) {
                if (!topic.getKey().equals(groupTopic)) {
                    for (ConsumerRecord<byte[], byte[]> record : topic.getValue()) {
                        producer.send(copy(PREFIX + topic.getKey(), record, null, null));
                        written++;
                    }
                }
            }
            List<ConsumerRecord<byte[], byte[]>> group = topics.get(groupTopic).stream()
                    .filter(r -> template.equals(new String(r.key(), StandardCharsets.UTF_8))).toList();
            for (int i = 0; i < copies; i++) {
                String name = String.format("rg%06d", i);
                for (ConsumerRecord<byte[], byte[]> record : group) {
                    producer.send(copy(PREFIX + groupTopic, record, template, name));
                    written++;
                }
            }
            producer.flush();
        }
        return written;
    }

    private static ProducerRecord<byte[], byte[]> copy(String topic, ConsumerRecord<byte[], byte[]> record,
                                                       String from, String to) {
        ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(topic, null, renamed(record.key(), from, to),
                renamed(record.value(), from, to));
        for (Header header : record.headers()) {
            byte[] value = header.key().equals("ce_id") && to != null
                    ? UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)
                    : renamed(header.value(), from, to);
            copy.headers().add(header.key(), value);
        }
        return copy;
    }

    private static byte[] renamed(byte[] bytes, String from, String to) {
        if (bytes == null || from == null) {
            return bytes;
        }
        return new String(bytes, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    private void createTopics(Set<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(PREFIX + t, 3, (short) 1))
                    .collect(Collectors.toList())).all().get();
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
