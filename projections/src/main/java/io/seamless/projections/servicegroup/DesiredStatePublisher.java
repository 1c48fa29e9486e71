package io.seamless.projections.servicegroup;

import io.seamless.projections.servicegroup.DesiredStateRepository.StoredDocument;
import io.seamless.projections.support.Backoff;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes each group's document to the compacted desired-state topic, key = group name, value = the document's
 * bytes, or null (a tombstone) for a deleted group. The read model is the outbox: the projector only stores
 * documents; this one thread sends those whose hash differs from the last one Kafka acknowledged, in group name
 * order, and records the acknowledged hash. Hence nothing is published before its transaction committed, a
 * document that did not change is not sent again, and a crash between commit and send only delays the send to
 * the next start. One producer, idempotent with {@code acks=all}, keeps the documents of a key in order.
 */
public final class DesiredStatePublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DesiredStatePublisher.class);
    private static final int BATCH = 100;
    private static final Duration IDLE_CHECK = Duration.ofSeconds(30);
    private static final Duration ACK_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

    private final DesiredStateRepository documents;
    private final Settings settings;
    private final Backoff backoff;
    private final BlockingQueue<Boolean> wakeups = new ArrayBlockingQueue<>(1);
    private volatile boolean running;
    private boolean topicReady;
    private volatile Producer<String, byte[]> producer;
    private volatile Admin admin;
    private Thread worker;

    /**
     * @param topic    the desired-state topic and how to create it
     * @param producer Kafka producer configuration; acknowledgements and idempotence are forced
     * @param admin    Kafka admin configuration, to create the topic
     */
    public record Settings(DesiredStateTopic topic, Map<String, Object> producer, Map<String, Object> admin,
                           Duration retryBackoff, Duration retryBackoffMax) {

        public Settings {
            producer = Map.copyOf(producer);
            admin = Map.copyOf(admin);
        }
    }

    public DesiredStatePublisher(DesiredStateRepository documents, Settings settings) {
        this.documents = documents;
        this.settings = settings;
        this.backoff = new Backoff(settings.retryBackoff(), settings.retryBackoffMax());
    }

    /** Asks for a pass soon; cheap, never blocks, and wakes coalesce. */
    public void wake() {
        wakeups.offer(Boolean.TRUE);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "desired-state-publisher");
        worker.start();
        log.info("Desired state: publisher started on topic {}", settings.topic().name());
    }

    /**
     * Ends the thread without interrupting it (an interrupt inside a JDBC call can close an H2 database file):
     * the wait ends on a wake, and a call to Kafka in progress fails at once because its client is closed.
     */
    @Override
    public void stop() {
        Thread stopping;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            stopping = worker;
        }
        wake();
        Admin currentAdmin = admin;
        if (currentAdmin != null) {
            currentAdmin.close(Duration.ZERO);
        }
        Producer<String, byte[]> current = producer;
        if (current != null) {
            current.close(Duration.ZERO);
        }
        try {
            stopping.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopping.isAlive()) {
            log.warn("Desired state: publisher thread still busy {} after stop", JOIN_TIMEOUT);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the projection consumers and stops after them, so their last commits get published. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }

    private void run() {
        try {
            while (running) {
                Duration pause = passOrPause();
                if (wakeups.poll(pause.toMillis(), TimeUnit.MILLISECONDS) != null) {
                    wakeups.clear();
                }
            }
        } catch (InterruptedException | InterruptException e) {
            Thread.currentThread().interrupt(); // only someone else's interrupt: end like a stop
        } finally {
            closeProducer();
            log.info("Desired state: publisher stopped");
        }
    }

    /** One pass; answers how long to wait for the next one unless woken before. */
    private Duration passOrPause() throws InterruptedException {
        try {
            int sent = publishPending();
            backoff.reset();
            if (sent > 0) {
                log.debug("Desired state: {} documents published", sent);
            }
            return IDLE_CHECK;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            if (e instanceof InterruptException interrupted) {
                throw interrupted;
            }
            closeProducer();
            if (!running) {
                return Duration.ZERO;
            }
            Duration pause = backoff.next();
            log.warn("Desired state: publishing failed, retrying in {}: {}", pause, e.toString());
            return pause;
        }
    }

    private int publishPending() throws ExecutionException, InterruptedException, TimeoutException {
        if (!topicReady) {
            provisionTopic();
            topicReady = true;
        }
        int sent = 0;
        List<StoredDocument> batch;
        do {
            batch = documents.unpublished(BATCH);
            sent += send(batch);
        } while (batch.size() == BATCH && running);
        return sent;
    }

    private void provisionTopic() throws ExecutionException, InterruptedException, TimeoutException {
        Admin kafka = Admin.create(settings.admin());
        admin = kafka;
        try {
            if (!running) {
                throw new IllegalStateException("stopping"); // stop() may have looked for the client just before
            }
            settings.topic().provision(kafka);
        } finally {
            admin = null;
            kafka.close(Duration.ofSeconds(5));
        }
    }

    /** Sends the batch, waits for every acknowledgement, then records each one as published. */
    private int send(List<StoredDocument> batch) throws ExecutionException, InterruptedException, TimeoutException {
        if (batch.isEmpty()) {
            return 0;
        }
        Producer<String, byte[]> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (StoredDocument document : batch) {
            acks.add(kafka.send(record(document)));
        }
        kafka.flush();
        for (int i = 0; i < batch.size(); i++) {
            acks.get(i).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            StoredDocument document = batch.get(i);
            documents.markPublished(document.group(), document.hash());
            log.debug("Desired state: group {} version {} published{}", document.group(), document.version(),
                    document.document() == null ? " (tombstone)" : "");
        }
        return batch.size();
    }

    private ProducerRecord<String, byte[]> record(StoredDocument document) {
        if (document.document() == null) {
            return new ProducerRecord<>(settings.topic().name(), document.group(), null);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.topic().name(), document.group(),
                document.document().getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** The producer; a stop() that ran while it was created could not close it, so it is closed here. */
    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig(settings.producer()), new StringSerializer(),
                    new ByteArraySerializer());
            if (!running) {
                closeProducer();
                throw new IllegalStateException("stopping");
            }
        }
        return producer;
    }

    /** The producer settings order and deduplication depend on are set last, so that none can be overridden. */
    static Map<String, Object> producerConfig(Map<String, Object> configured) {
        Map<String, Object> config = new HashMap<>(configured);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        return config;
    }

    private void closeProducer() {
        if (producer == null) {
            return;
        }
        try {
            producer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            log.warn("Desired state: closing the Kafka producer failed: {}", e.toString());
        }
        producer = null;
    }
}
