package io.seamless.command.publication;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox relay: a tracking processor reads the event store in order and hands every event to
 * Kafka. Sends of one batch are asynchronous, but the batch commits (and the processor's token
 * moves) only once Kafka acknowledged every record; any failure rolls the batch back and the
 * processor retries it from its last token. Delivery is therefore at least once and in order.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "seamless-kafka-publisher";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventPublisher.class);
    private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";
    /** Events Kafka acknowledged, by topic (a batch retried after a failure counts again: at least once). */
    static final String PUBLISHED = "seamless.events.published";

    private final Producer<String, CloudEvent> producer;
    private final CloudEventMapper mapper;
    private final Duration ackTimeout;
    private final MeterRegistry meters;

    public KafkaEventPublisher(Producer<String, CloudEvent> producer, CloudEventMapper mapper, Duration ackTimeout,
                               MeterRegistry meters) {
        this.producer = producer;
        this.mapper = mapper;
        this.ackTimeout = ackTimeout;
        this.meters = meters;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, UnitOfWork<?> unitOfWork) {
        // As recorded, never upcast: the topics must verify offline against the hashes; readers upcast.
        mapper.toRecordedForm(event).ifPresent(record -> pending(unitOfWork).add(producer.send(record)));
    }

    private List<Future<RecordMetadata>> pending(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> batch = unitOfWork.root();
        return batch.getOrComputeResource(PENDING, key -> {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            batch.onPrepareCommit(committing -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<Future<RecordMetadata>> sends) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        try {
            Map<String, Integer> perTopic = new HashMap<>();
            for (Future<RecordMetadata> send : sends) {
                RecordMetadata acknowledged = send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                perTopic.merge(acknowledged.topic(), 1, Integer::sum);
            }
            perTopic.forEach((topic, count) -> meters.counter(PUBLISHED, "topic", topic).increment(count));
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Kafka did not acknowledge a batch of {} event(s); it will be sent again: {}", sends.size(),
                    String.valueOf(e.getCause() == null ? e : e.getCause()));
            throw new PublicationFailedException("Kafka did not acknowledge the batch", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublicationFailedException("interrupted while waiting for Kafka", e);
        }
    }

    /** Rolls the processor's batch back so that it is retried from its last acknowledged position. */
    static class PublicationFailedException extends RuntimeException {
        PublicationFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
