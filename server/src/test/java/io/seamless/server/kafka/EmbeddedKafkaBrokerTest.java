package io.seamless.server.kafka;

import static io.seamless.server.kafka.KafkaTestClients.consumeValues;
import static io.seamless.server.kafka.KafkaTestClients.createTopic;
import static io.seamless.server.kafka.KafkaTestClients.isListening;
import static io.seamless.server.kafka.KafkaTestClients.produce;
import static io.seamless.server.kafka.KafkaTestClients.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    private static final String TOPIC = "kafka-test.events";

    @TempDir
    Path dataDir;

    private final List<EmbeddedKafkaBroker> brokers = new ArrayList<>();

    @AfterEach
    void closeBrokers() {
        brokers.forEach(EmbeddedKafkaBroker::close);
    }

    @Test
    void producesAndConsumesInOrder() throws Exception {
        EmbeddedKafkaBroker broker = started(new EmbeddedKafkaBroker(dataDir, 0, 0));
        String bootstrap = broker.bootstrapServers();
        assertThat(bootstrap).isEqualTo("127.0.0.1:" + broker.brokerPort());
        assertThat(broker.brokerPort()).isPositive().isNotEqualTo(broker.controllerPort());
        assertThat(dataDir.resolve("meta.properties")).exists();

        createTopic(bootstrap, TOPIC);
        List<String> sent = values("event", 0, 100);
        produce(bootstrap, TOPIC, sent);

        assertThat(consumeValues(bootstrap, TOPIC, 100)).containsExactlyElementsOf(sent);
    }

    @Test
    void comesBackOnTheSamePortWithItsData() throws Exception {
        EmbeddedKafkaBroker broker = started(new EmbeddedKafkaBroker(dataDir, 0, 0));
        String bootstrap = broker.bootstrapServers();
        String clusterId = broker.clusterId();
        createTopic(bootstrap, TOPIC);
        List<String> before = values("before", 0, 100);
        List<String> after = values("after", 0, 10);
        produce(bootstrap, TOPIC, before);

        // The producer outlives the outage, as the control plane's publisher would.
        try (Producer<String, String> producer = KafkaTestClients.producer(bootstrap)) {
            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            assertThat(isListening(broker.brokerPort())).isFalse();

            broker.start();
            assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
            assertThat(broker.clusterId()).isEqualTo(clusterId);
            assertThat(consumeValues(bootstrap, TOPIC, 100)).containsExactlyElementsOf(before);
            KafkaTestClients.send(producer, TOPIC, after);
        }
        assertThat(consumeValues(bootstrap, TOPIC, 110)).containsExactlyElementsOf(concat(before, after));
    }

    @Test
    void aNewInstanceReusesTheClusterIdAndDataOfItsDirectory() throws Exception {
        EmbeddedKafkaBroker first = started(new EmbeddedKafkaBroker(dataDir, 0, 0));
        createTopic(first.bootstrapServers(), TOPIC);
        produce(first.bootstrapServers(), TOPIC, values("event", 0, 5));
        first.close();

        EmbeddedKafkaBroker second = started(new EmbeddedKafkaBroker(dataDir, 0, 0));

        assertThat(second.clusterId()).isEqualTo(first.clusterId());
        assertThat(consumeValues(second.bootstrapServers(), TOPIC, 5)).containsExactlyElementsOf(values("event", 0, 5));
    }

    @Test
    void aClosedBrokerCannotStartAgain() {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, 0, 0);
        assertThatThrownBy(broker::bootstrapServers).isInstanceOf(IllegalStateException.class);
        broker.close();

        assertThatThrownBy(broker::start).isInstanceOf(IllegalStateException.class);
    }

    private EmbeddedKafkaBroker started(EmbeddedKafkaBroker broker) {
        brokers.add(broker);
        broker.start();
        assertThat(broker.isRunning()).isTrue();
        return broker;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
