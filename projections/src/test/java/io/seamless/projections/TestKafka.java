package io.seamless.projections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (KRaft, in this JVM) shared by every test class: it starts once, on first use, and
 * stops with the JVM. Tests isolate themselves with their own topics and consumer groups.
 */
public final class TestKafka {

    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static EmbeddedKafkaKraftBroker broker;
    private static Producer<String, byte[]> producer;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = newBroker();
            broker.afterPropertiesSet();
            producer = newProducer(broker.getBrokersAsString());
            Runtime.getRuntime().addShutdownHook(new Thread(TestKafka::shutdown));
        }
        return broker.getBrokersAsString();
    }

    /** A fresh topic; several partitions so that pools land on different ones, as in production. */
    public static String newTopic(String prefix, int partitions) {
        bootstrapServers();
        String topic = prefix + "-" + TOPICS.incrementAndGet();
        broker.addTopics(new NewTopic(topic, partitions, (short) 1));
        return topic;
    }

    /** Sends in order and waits until the broker has every record: the test then knows they are readable. */
    public static List<RecordMetadata> send(List<ProducerRecord<String, byte[]>> records) {
        bootstrapServers();
        return send(producer, records);
    }

    public static List<RecordMetadata> send(Producer<String, byte[]> target,
                                            List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> sent = records.stream().map(target::send).toList();
        target.flush();
        List<RecordMetadata> written = new ArrayList<>();
        for (Future<RecordMetadata> future : sent) {
            try {
                written.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("record not sent", e.getCause());
            }
        }
        return written;
    }

    /** A broker of its own, not started, for the tests that need a broker that is down first. */
    public static EmbeddedKafkaKraftBroker newBroker() {
        EmbeddedKafkaKraftBroker kraft = new EmbeddedKafkaKraftBroker(1, 3);
        // Without this every new consumer group waits 3 s before its first assignment.
        kraft.brokerProperty("group.initial.rebalance.delay.ms", "0");
        kraft.brokerProperty("offsets.topic.num.partitions", "3");
        return kraft;
    }

    public static Producer<String, byte[]> newProducer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "test-producer-" + TOPICS.incrementAndGet()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static synchronized void shutdown() {
        producer.close();
        broker.destroy();
    }
}
