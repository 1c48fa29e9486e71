package io.seamless.projections.support;

import io.seamless.schemas.EventUpcasters;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one projection: a single thread polls its topics and applies each poll's records in one database
 * transaction, then commits their offsets (at least once; the projection is idempotent). A malformed record
 * or an unknown event type is logged and skipped (each record is first brought to the latest version of its
 * event type, see {@link BinaryCloudEvents}); a failing batch is rolled back, re-read and retried with
 * backoff; a failing broker or consumer is replaced. The thread ends only when {@link #stop()} is called.
 */
public final class ProjectionConsumer implements SmartLifecycle {

    /** MDC key of the correlation id: {@code X-Correlation-Id} over HTTP, {@code ce_correlationid} on Kafka. */
    public static final String CORRELATION_ID_MDC_KEY = "correlationId";

    private static final Logger log = LoggerFactory.getLogger(ProjectionConsumer.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

    private final ConsumerSettings settings;
    private final EventProjection projection;
    private final EventUpcasters upcasters;
    private final TransactionTemplate transactions;
    private final Backoff backoff;
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private volatile CountDownLatch stopSignal = new CountDownLatch(0);
    private final Map<TopicPartition, Long> committed = new ConcurrentHashMap<>();
    private Thread worker;

    public ProjectionConsumer(ConsumerSettings settings, EventProjection projection,
                              PlatformTransactionManager transactionManager) {
        this(settings, projection, transactionManager, EventUpcasters.product());
    }

    /** @param upcasters brings each record to the latest version of its event type before the projection sees it */
    public ProjectionConsumer(ConsumerSettings settings, EventProjection projection,
                              PlatformTransactionManager transactionManager, EventUpcasters upcasters) {
        this.settings = settings;
        this.projection = projection;
        this.upcasters = upcasters;
        this.transactions = new TransactionTemplate(transactionManager);
        this.backoff = new Backoff(settings.retryBackoff(), settings.retryBackoffMax());
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopSignal = new CountDownLatch(1);
        worker = new Thread(this::run, "projection-" + settings.name());
        worker.start();
        log.info("Projection {}: consumer started on topics {} in group {}",
                settings.name(), settings.topics(), settings.groupId());
    }

    @Override
    public void stop() {
        Thread stopping;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            stopSignal.countDown();
            Consumer<String, byte[]> current = consumer;
            if (current != null) {
                current.wakeup();
            }
            stopping = worker;
        }
        join(stopping);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The settings it runs with (its consumer group among them). */
    public ConsumerSettings settings() {
        return settings;
    }

    /** The registry of version steps it reads records with. */
    public EventUpcasters upcasters() {
        return upcasters;
    }

    /**
     * The next offset of every partition this consumer has applied and committed a batch of since it started; a
     * partition it had nothing to apply from is missing. A rebuild watches it to know how far the replay is.
     */
    public Map<TopicPartition, Long> committedOffsets() {
        return Map.copyOf(committed);
    }

    private void run() {
        while (running) {
            Consumer<String, byte[]> kafka = null;
            try {
                kafka = new KafkaConsumer<>(settings.kafka(), new StringDeserializer(), new ByteArrayDeserializer());
                consumer = kafka;
                kafka.subscribe(settings.topics(), new AssignmentLog());
                pollUntilStopped(kafka);
            } catch (WakeupException e) {
                // stop() woke the consumer; the loop condition ends the thread
            } catch (RuntimeException e) {
                Duration pause = backoff.next();
                log.warn("Projection {}: Kafka consumer failed, reconnecting in {}: {}",
                        settings.name(), pause, e.toString());
                pause(pause);
            } finally {
                consumer = null;
                close(kafka);
            }
        }
        log.info("Projection {}: consumer stopped", settings.name());
    }

    private void pollUntilStopped(Consumer<String, byte[]> kafka) {
        while (running) {
            ConsumerRecords<String, byte[]> records = kafka.poll(settings.pollTimeout());
            if (!records.isEmpty()) {
                handle(kafka, records);
            }
        }
    }

    private void handle(Consumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        Map<ApplyOutcome, Integer> outcomes;
        try {
            outcomes = transactions.execute(status -> applyAll(records));
        } catch (RuntimeException e) {
            Duration pause = backoff.next();
            log.error("Projection {}: batch of {} records rolled back, re-reading from {} in {}",
                    settings.name(), records.count(), firstOffsets(records), pause, e);
            firstOffsets(records).forEach(kafka::seek);
            pause(pause);
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> next = nextOffsets(records);
        kafka.commitSync(next);
        next.forEach((partition, offset) -> committed.put(partition, offset.offset()));
        backoff.reset();
        log.debug("Projection {}: batch of {} records applied {}, committed {}",
                settings.name(), records.count(), outcomes, next);
    }

    private Map<ApplyOutcome, Integer> applyAll(ConsumerRecords<String, byte[]> records) {
        Map<ApplyOutcome, Integer> outcomes = new EnumMap<>(ApplyOutcome.class);
        for (ConsumerRecord<String, byte[]> record : records) {
            outcomes.merge(apply(record), 1, Integer::sum);
        }
        return outcomes;
    }

    /** Applies one record with its correlation id in the MDC, so its log lines join the request that caused it. */
    private ApplyOutcome apply(ConsumerRecord<String, byte[]> record) {
        String correlationId = BinaryCloudEvents.attribute(record, "ce_correlationid");
        if (correlationId == null) {
            return applyRecord(record);
        }
        try (MDC.MDCCloseable mdc = MDC.putCloseable(CORRELATION_ID_MDC_KEY, correlationId)) {
            return applyRecord(record);
        }
    }

    private ApplyOutcome applyRecord(ConsumerRecord<String, byte[]> record) {
        try {
            EventEnvelope event = BinaryCloudEvents.read(record, upcasters);
            ApplyOutcome outcome = projection.apply(event);
            if (outcome == ApplyOutcome.UNKNOWN_TYPE) {
                log.warn("Projection {}: event {} of unknown type {} for {} at {} skipped",
                        settings.name(), event.id(), event.type(), event.subject(), position(record));
            }
            return outcome;
        } catch (MalformedEventException e) {
            log.error("Projection {}: malformed record at {} skipped: {}",
                    settings.name(), position(record), e.getMessage());
            return ApplyOutcome.MALFORMED;
        }
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return "topic " + record.topic() + " partition " + record.partition() + " offset " + record.offset();
    }

    private static Map<TopicPartition, Long> firstOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            offsets.put(partition, records.records(partition).get(0).offset());
        }
        return offsets;
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1));
        }
        return offsets;
    }

    /** Waits unless stop() is called meanwhile, so that a long backoff never delays a shutdown. */
    private void pause(Duration pause) {
        try {
            stopSignal.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            log.warn("Projection {}: consumer thread interrupted, stopping", settings.name());
        }
    }

    private void close(Consumer<String, byte[]> kafka) {
        if (kafka == null) {
            return;
        }
        try {
            kafka.close(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            log.warn("Projection {}: closing the Kafka consumer failed: {}", settings.name(), e.toString());
        }
    }

    private void join(Thread thread) {
        try {
            thread.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("Projection {}: consumer thread still busy {} after stop", settings.name(), JOIN_TIMEOUT);
        }
    }

    private final class AssignmentLog implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            log.info("Projection {}: partitions assigned {}", settings.name(), partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                log.info("Projection {}: partitions revoked {}", settings.name(), partitions);
            }
        }
    }
}
