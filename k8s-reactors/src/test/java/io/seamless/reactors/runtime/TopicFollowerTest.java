package io.seamless.reactors.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seamless.reactors.reconcile.Backoff;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A whole topic read against a real broker: what arrives before "caught up", what after, a topic that comes late. */
class TopicFollowerTest {

    private static final String CAUGHT_UP = "caught-up";

    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private TopicFollower follower;

    @AfterEach
    void close() {
        if (follower != null) {
            follower.close();
        }
    }

    @Test
    void everyRecordTheTopicHeldAtStartComesBeforeCaughtUpAndLaterOnesAfter() {
        String topic = newTopicName();
        TestBroker.createTopic(topic, true);
        send(topic, "orders-db", "v1");
        send(topic, "billing-db", "v1");
        send(topic, "orders-db", "v2");
        send(topic, "billing-db", null);

        follow(topic);

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.contains(CAUGHT_UP));
        assertThat(delivered.subList(0, delivered.indexOf(CAUGHT_UP))).containsExactlyInAnyOrder(
                "orders-db=v1", "orders-db=v2", "billing-db=v1", "billing-db=tombstone");
        assertThat(delivered.indexOf("orders-db=v1")).isLessThan(delivered.indexOf("orders-db=v2"));
        assertThat(delivered.indexOf("billing-db=v1")).isLessThan(delivered.indexOf("billing-db=tombstone"));

        send(topic, "orders-db", "v3");

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.get(delivered.size() - 1).equals("orders-db=v3"));
        assertThat(delivered).containsOnlyOnce(CAUGHT_UP);
    }

    @Test
    void aTopicThatDoesNotExistYetIsWaitedForThenReadWhole() {
        String topic = newTopicName();
        follow(topic);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(delivered::isEmpty);

        TestBroker.createTopic(topic, true);
        send(topic, "orders-db", "v1");

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.contains("orders-db=v1"));
    }

    @Test
    void closingEndsItsThreadPromptly() {
        String topic = newTopicName();
        TestBroker.createTopic(topic, false);
        follow(topic);
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.contains(CAUGHT_UP));

        long started = System.nanoTime();
        follower.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName()
                .equals("reactors-" + topic));
    }

    private void follow(String topic) {
        follower = new TopicFollower(topic, KafkaSettings.of(TestBroker.bootstrapServers()), Duration.ofMillis(100),
                new Backoff(Duration.ofMillis(100), Duration.ofMillis(300)), new TopicFollower.Listener() {
                    @Override
                    public void onRecord(ConsumerRecord<String, byte[]> record) {
                        delivered.add(record.key() + "=" + (record.value() == null ? "tombstone"
                                : new String(record.value(), StandardCharsets.UTF_8)));
                    }

                    @Override
                    public void onCaughtUp() {
                        delivered.add(CAUGHT_UP);
                    }
                });
        follower.start();
    }

    private static void send(String topic, String key, String value) {
        TestBroker.send(topic, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static String newTopicName() {
        return "follow-" + UUID.randomUUID();
    }
}
