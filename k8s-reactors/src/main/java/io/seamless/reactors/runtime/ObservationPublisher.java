package io.seamless.reactors.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seamless.reactors.observation.Observation;
import io.seamless.reactors.observation.ObservationSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every observation to {@code seamless.observations} as JSON (docs/event-catalogue.md, "Observations"), key =
 * the unit, or the group when the observation concerns the group as a whole, so that one unit's observations stay
 * in order on one partition. One producer for the process (Kafka's producer is thread-safe), idempotent with
 * {@code acks=all}. Sending is asynchronous: a reconcile waits at most {@code max.block.ms} (10 s unless configured)
 * for metadata, never for the acknowledgement; a failed send is logged, and the transition it reported is not
 * repeated (observations are a record of what was seen, not the state: the Unit's status holds that). The exception
 * is what something waits for ({@link #observeDurably}, {@code UNIT_RELEASED}): that waits for the acknowledgement
 * (at most {@link #ACKNOWLEDGEMENT_TIMEOUT}) and fails when there is none, so that the reconcile is tried again.
 */
public final class ObservationPublisher implements ObservationSink, AutoCloseable {

    public static final String TOPIC = "seamless.observations";
    static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(ObservationPublisher.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] CONTENT_TYPE = "application/json".getBytes(StandardCharsets.UTF_8);

    private final Producer<String, byte[]> producer;
    private volatile boolean closed;

    public ObservationPublisher(KafkaSettings kafka) {
        this.producer = new KafkaProducer<>(producerConfig(kafka.producer()), new StringSerializer(),
                new ByteArraySerializer());
    }

    @Override
    public void observe(Observation observation) {
        if (closed) {
            LOG.debug("observation after the stop, not sent: {}", observation);
            return;
        }
        ProducerRecord<String, byte[]> record = record(observation);
        String key = record.key();
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    LOG.warn("observation {} of {} not sent: {}", observation.type(), key, error.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("observation {} of {} not sent: {}", observation.type(), key, e.toString());
        }
    }

    @Override
    public void observeDurably(Observation observation) {
        if (closed) {
            throw new IllegalStateException("observation " + observation.type() + " of " + observation.unit()
                    + " not sent: the publisher is stopped");
        }
        ProducerRecord<String, byte[]> record = record(observation);
        String key = record.key();
        try {
            producer.send(record).get(ACKNOWLEDGEMENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("observation " + observation.type() + " of " + key + " not sent", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("observation " + observation.type() + " of " + key + " not sent: "
                    + e.getMessage(), e);
        }
    }

    private static ProducerRecord<String, byte[]> record(Observation observation) {
        String key = observation.unit() != null ? observation.unit() : observation.group();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key, json(observation));
        record.headers().add("content-type", CONTENT_TYPE);
        return record;
    }

    /** The record's fields; {@code unit} and {@code message} only when present; {@code time} in RFC 3339 (UTC). */
    static byte[] json(Observation observation) {
        ObjectNode node = JSON.createObjectNode();
        node.put("cluster", observation.cluster());
        node.put("group", observation.group());
        if (observation.unit() != null) {
            node.put("unit", observation.unit());
        }
        node.put("type", observation.type().name());
        node.put("reason", observation.reason());
        if (observation.message() != null) {
            node.put("message", observation.message());
        }
        node.put("time", observation.time().toString());
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an object node of strings always serialises", e);
        }
    }

    /** Sends what is buffered (at most 5 s), then closes. */
    @Override
    public void close() {
        closed = true;
        producer.close(Duration.ofSeconds(5));
    }

    static Map<String, Object> producerConfig(Map<String, Object> configured) {
        Map<String, Object> config = new HashMap<>(configured);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "seamless-reactors-observations");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        return config;
    }
}
