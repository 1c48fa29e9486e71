package io.seamless.command.publication;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.seamless.command.dispatch.AuditMetadata;
import io.seamless.command.eventstore.RecordedForm;
import io.seamless.schemas.EventUpcasters;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;

/**
 * Turns a stored domain event into its public form: a CloudEvent (binary mode on Kafka) with the
 * attributes and extensions of docs/event-catalogue.md, keyed by the aggregate id.
 *
 * <p>Its {@code type} and {@code dataschema} carry the latest version of the event type in the
 * registry of version steps: the version the store writes new events at and brings old ones to as it
 * reads them, so the type always says what the data is. An event recorded at an older version and
 * upcast as it was read has two forms: the latest ({@link #toRecord}) and the recorded one
 * ({@link #toRecordedForm}, what its {@code hash} covers, what is published and what verification checks).
 */
public class CloudEventMapper {

    private static final URI SOURCE = URI.create("/seamless/command");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final EventUpcasters upcasters;

    /** @param upcasters the registry of version steps, which decides the latest version of each type */
    public CloudEventMapper(EventUpcasters upcasters) {
        this.upcasters = upcasters;
    }

    /** Empty for an event that has no public form (none today; kept explicit for internal events). */
    public Optional<ProducerRecord<String, CloudEvent>> toRecord(EventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> domainEvent)) {
            return Optional.empty();
        }
        return PublicEventCatalog.entryFor(event.getPayloadType())
                .map(entry -> new ProducerRecord<>(latestType(entry).topic(), subject(domainEvent),
                        toCloudEvent(domainEvent, entry)));
    }

    /**
     * The public form the event had when it was recorded, the one its {@code hash} covers: the same as
     * {@link #toRecord} unless the event was recorded at an older version and upcast as it was read
     * ({@link RecordedForm}); then its type names the recorded version and its data is the recorded data.
     */
    public Optional<ProducerRecord<String, CloudEvent>> toRecordedForm(EventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> domainEvent)) {
            return Optional.empty();
        }
        Optional<RecordedForm> recorded = RecordedForm.of(event.getMetaData());
        if (recorded.isEmpty()) {
            return toRecord(event);
        }
        return PublicEventCatalog.entryFor(event.getPayloadType()).map(entry -> {
            PublicEventType type = entry.type(recorded.get().version());
            return new ProducerRecord<>(type.topic(), subject(domainEvent), cloudEvent(domainEvent, type,
                    recorded.get().data().getBytes(StandardCharsets.UTF_8)));
        });
    }

    /** The public form of a stored event, or empty when it has none. */
    public Optional<CloudEvent> toCloudEvent(DomainEventMessage<?> event) {
        return PublicEventCatalog.entryFor(event.getPayloadType()).map(entry -> toCloudEvent(event, entry));
    }

    CloudEvent toCloudEvent(DomainEventMessage<?> event, PublicEventCatalog.Entry entry) {
        return cloudEvent(event, latestType(entry), json(entry.data().apply(event.getPayload())));
    }

    /** The public type of an entry at the latest version the registry knows. */
    PublicEventType latestType(PublicEventCatalog.Entry entry) {
        return entry.type(upcasters.latestVersion(entry.aggregate(), entry.name()));
    }

    private static CloudEvent cloudEvent(DomainEventMessage<?> event, PublicEventType type, byte[] data) {
        MetaData meta = event.getMetaData();
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.getIdentifier())
                .withSource(SOURCE)
                .withType(type.ceType())
                .withSubject(subject(event))
                .withTime(event.getTimestamp().atOffset(ZoneOffset.UTC))
                .withDataSchema(URI.create(type.dataschema()))
                .withDataContentType("application/json")
                .withData(data)
                .withExtension("sequence", event.getSequenceNumber())
                .withExtension("actor", text(meta, AuditMetadata.ACTOR, "system"));
        optional(builder, "reason", meta.get(AuditMetadata.REASON));
        optional(builder, "ticket", meta.get(AuditMetadata.TICKET));
        optional(builder, "correlationid", meta.get(AuditMetadata.CORRELATION_ID));
        optional(builder, "causationid", meta.get(AuditMetadata.CAUSATION_ID));
        optional(builder, "prevhash", meta.get("prevhash"));
        optional(builder, "hash", meta.get("hash"));
        return builder.build();
    }

    /**
     * The public name of the aggregate: its store id without the type prefix some aggregates carry
     * (e.g. {@code servicegroup:orders-db}) to keep ids unique across types in Axon's event store.
     */
    static String subject(DomainEventMessage<?> event) {
        String id = event.getAggregateIdentifier();
        return id.substring(id.indexOf(':') + 1);
    }

    private static void optional(CloudEventBuilder builder, String name, Object value) {
        if (value != null) {
            builder.withExtension(name, value.toString());
        }
    }

    private static String text(MetaData meta, String key, String fallback) {
        Object value = meta.get(key);
        return value == null ? fallback : value.toString();
    }

    private static byte[] json(Object data) {
        try {
            return JSON.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write public event data of " + data.getClass().getName(), e);
        }
    }
}
