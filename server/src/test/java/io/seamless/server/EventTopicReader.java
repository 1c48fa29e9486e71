package io.seamless.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole event topic from offset 0 with a fresh consumer group, as an auditor would. */
final class EventTopicReader implements AutoCloseable {

    /** One record as a subscriber sees it: the aggregate, its per-aggregate sequence and type. */
    record Event(String subject, long sequence, String type, String data) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Event> events = new ArrayList<>();

    EventTopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Everything read so far, after one more poll. */
    List<Event> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> events.add(new Event(
                header(record.headers().lastHeader("ce_subject")),
                Long.parseLong(header(record.headers().lastHeader("ce_sequence"))),
                header(record.headers().lastHeader("ce_type")), record.value())));
        return List.copyOf(events);
    }

    /** The events of one aggregate read so far, after one more poll: tests sharing a broker see each other's. */
    List<Event> poll(String subject) {
        return poll().stream().filter(event -> event.subject().equals(subject)).toList();
    }

    private static String header(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
