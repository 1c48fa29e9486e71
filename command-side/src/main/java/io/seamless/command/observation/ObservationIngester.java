package io.seamless.command.observation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamless.command.dispatch.AuditMetadata;
import io.seamless.command.dispatch.CommandDispatcher;
import io.seamless.command.servicegroup.UnitReleases;
import io.seamless.domain.common.DomainException;
import io.seamless.domain.servicegroup.ServiceGroupCommands.RecordObservation;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Turns what the reactors report on {@code seamless.observations} into service-group events (the aggregate keeps
 * only news), so the history holds what really happened. Acts as the reporting reactor's service identity
 * ({@code system:reactor/<cluster>}). Offsets are committed after the batch was recorded: a crash repeats
 * observations, which the aggregate recognises as no news. An observation of a deleted group, or one this version
 * does not understand, is logged and skipped; any other failure is retried from the same offsets.
 *
 * <p>{@code UNIT_RELEASED} (a removed unit's Unit and Pod are gone) is also recorded as a fact for the address
 * provisioner ({@link UnitReleases}), after the event and whether or not the group still exists: a deleted group's
 * units wait for it as much as scaled-in ones.
 */
public class ObservationIngester implements SmartLifecycle {

    public static final String TOPIC = "seamless.observations";
    static final String UNIT_RELEASED = "UNIT_RELEASED";
    private static final Logger log = LoggerFactory.getLogger(ObservationIngester.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<String, byte[]> consumer;
    private final CommandDispatcher dispatcher;
    private final UnitReleases unitReleases;
    private final Duration retryBackoff;
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;

    public ObservationIngester(Consumer<String, byte[]> consumer, CommandDispatcher dispatcher,
                               UnitReleases unitReleases, Duration retryBackoff) {
        this.consumer = consumer;
        this.dispatcher = dispatcher;
        this.unitReleases = unitReleases;
        this.retryBackoff = retryBackoff;
    }

    @Override
    public void start() {
        running.set(true);
        thread = new Thread(this::run, "seamless-observation-ingester");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running.set(false);
        consumer.wakeup();
        try {
            if (thread != null) {
                thread.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    private void run() {
        try (consumer) {
            consumer.subscribe(List.of(TOPIC));
            while (running.get()) {
                pollOnce();
            }
        } catch (org.apache.kafka.common.errors.WakeupException stopping) {
            log.debug("Observation ingester stopped");
        }
    }

    private void pollOnce() {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
        try {
            records.forEach(this::ingest);
            consumer.commitSync();
        } catch (RuntimeException e) {
            log.warn("Observations not recorded yet, retrying in {}: {}", retryBackoff, e.toString());
            records.partitions().forEach(partition -> consumer.seek(partition,
                    records.records(partition).get(0).offset()));
            pause();
        }
    }

    void ingest(ConsumerRecord<String, byte[]> record) {
        RecordObservation command;
        try {
            command = command(JSON.readTree(record.value()));
        } catch (IOException | RuntimeException malformed) {
            log.error("Observation at {}-{}@{} is not readable, skipped: {}", record.topic(), record.partition(),
                    record.offset(), malformed.toString());
            return;
        }
        try {
            dispatcher.send(command, new AuditMetadata("system:reactor/" + command.cluster(),
                    "observed by the reactor of cluster " + command.cluster(), null,
                    "observation-" + record.partition() + "-" + record.offset()));
        } catch (AggregateNotFoundException | DomainException refused) {
            log.info("Observation of {} skipped: {}", command.group(), refused.getMessage());
        }
        if (UNIT_RELEASED.equals(command.observation()) && command.unit() != null) {
            unitReleases.released(command.cluster(), command.group(), command.unit(), command.observedAt());
        }
    }

    private static RecordObservation command(JsonNode observation) {
        return new RecordObservation(required(observation, "group"), required(observation, "cluster"),
                optional(observation, "unit"), required(observation, "type"), required(observation, "reason"),
                optional(observation, "message"), Instant.parse(required(observation, "time")));
    }

    private static String required(JsonNode node, String field) {
        String value = optional(node, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private void pause() {
        try {
            Thread.sleep(retryBackoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }
}
