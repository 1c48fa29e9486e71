package io.seamless.reactors.runtime;

import io.seamless.reactors.reconcile.Backoff;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one topic whole, from its first offset, and follows it: every partition assigned (no consumer group, no
 * committed offset: what the topic holds is the state, and a restart reads it again), each record handed to the
 * {@link Listener} in partition order, then {@link Listener#onCaughtUp()} once the end offsets seen at assignment
 * are reached. A topic that does not exist yet is waited for (logged once; it is never created by reading it, which
 * would give a compacted topic the wrong policy). After a failure the consumer is closed and the topic read again
 * from the start after a back-off: redelivery is harmless to a level-triggered listener. One thread per follower.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

    /** What a follower delivers to; both are called from the follower's thread only. */
    public interface Listener {

        void onRecord(ConsumerRecord<String, byte[]> record);

        void onCaughtUp();
    }

    private final String topic;
    private final Map<String, Object> config;
    private final Duration pollTimeout;
    private final Backoff backoff;
    private final Listener listener;
    private final Object pause = new Object();
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private boolean missingLogged;
    private int failures;
    private Thread thread;

    public TopicFollower(String topic, KafkaSettings kafka, Duration pollTimeout, Backoff backoff, Listener listener) {
        this.topic = topic;
        this.config = consumerConfig(kafka.consumer(), "seamless-reactors-" + topic);
        this.pollTimeout = pollTimeout;
        this.backoff = backoff;
        this.listener = listener;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "reactors-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread: a poll in progress is woken, a back-off pause cut short. */
    @Override
    public void close() {
        Thread stopping;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            stopping = thread;
        }
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        synchronized (pause) {
            pause.notifyAll();
        }
        try {
            stopping.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, Object> consumerConfig(Map<String, Object> configured, String clientId) {
        Map<String, Object> config = new HashMap<>(configured);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    private void run() {
        while (running) {
            try {
                follow();
            } catch (WakeupException e) {
                // close(): the loop ends
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                Duration delay = backoff.after(++failures);
                LOG.warn("topic {}: reading failed, reading it again from the start in {} ms: {}", topic,
                        delay.toMillis(), e.toString());
                sleep(delay);
            }
        }
        LOG.info("topic {}: follower stopped", topic);
    }

    private void follow() {
        try (Consumer<String, byte[]> kafka = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = kafka;
            if (!running) {
                return; // close() may have looked for the consumer just before
            }
            List<TopicPartition> partitions = awaitPartitions(kafka);
            if (partitions.isEmpty()) {
                return;
            }
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
            LOG.info("topic {}: reading {} partitions from the start, up to {} records", topic, partitions.size(),
                    end.values().stream().mapToLong(Long::longValue).sum());
            poll(kafka, partitions, end);
        } finally {
            consumer = null;
        }
    }

    private void poll(Consumer<String, byte[]> kafka, List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        boolean caughtUp = false;
        while (running) {
            if (!caughtUp && partitions.stream().allMatch(p -> kafka.position(p) >= end.get(p))) {
                caughtUp = true;
                failures = 0;
                LOG.info("topic {}: caught up", topic);
                listener.onCaughtUp();
            }
            for (ConsumerRecord<String, byte[]> record : kafka.poll(pollTimeout)) {
                listener.onRecord(record);
            }
        }
    }

    /** The topic's partitions once it exists; empty when stopped meanwhile. */
    private List<TopicPartition> awaitPartitions(Consumer<String, byte[]> kafka) {
        int attempts = 0;
        while (running) {
            List<TopicPartition> partitions = kafka.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            if (!missingLogged) {
                missingLogged = true;
                LOG.info("topic {} does not exist yet; waiting for it", topic);
            }
            sleep(backoff.after(++attempts));
        }
        return List.of();
    }

    private void sleep(Duration delay) {
        synchronized (pause) {
            if (!running) {
                return;
            }
            try {
                pause.wait(Math.max(1, delay.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
