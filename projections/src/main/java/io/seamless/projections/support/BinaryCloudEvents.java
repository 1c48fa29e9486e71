package io.seamless.projections.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seamless.schemas.EventUpcasters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads a Kafka record carrying a CloudEvent 1.0 in binary mode ({@code ce_*} headers, JSON value), as
 * docs/event-catalogue.md defines it. Headers are read directly: the few attributes a projection needs do
 * not justify the SDK's event model, and a strict reader reports exactly which attribute is wrong.
 *
 * <p>An event of an older version than the latest its type has in the registry of version steps
 * ({@link EventUpcasters}) is upcast as it is read: its envelope carries the latest type and data, so a
 * projection only ever handles the latest version of each event type. The topics keep the old records forever;
 * a replay from offset 0 reads them the same way.
 */
public final class BinaryCloudEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BinaryCloudEvents() {
    }

    /** The record's event at the latest version of the product's registry. */
    public static EventEnvelope read(ConsumerRecord<String, byte[]> record) {
        return read(record, EventUpcasters.product());
    }

    /**
     * The record's event at the latest version {@code upcasters} knows.
     *
     * @throws MalformedEventException if an attribute is missing or wrong, the data is not a JSON object, or a
     *                                 version step cannot read the data
     */
    public static EventEnvelope read(ConsumerRecord<String, byte[]> record, EventUpcasters upcasters) {
        String specVersion = required(record, "ce_specversion");
        if (!"1.0".equals(specVersion)) {
            throw new MalformedEventException("unsupported ce_specversion '" + specVersion + "'");
        }
        String id = required(record, "ce_id");
        String type = required(record, "ce_type");
        String subject = required(record, "ce_subject");
        long sequence = sequence(required(record, "ce_sequence"));
        Instant time = time(record);
        EventUpcasters.Upcast event = upcast(upcasters, type, data(record.value()));
        return new EventEnvelope(id, event.type(), subject, sequence, time, event.data(), record.topic(), audit(record));
    }

    private static EventEnvelope.Audit audit(ConsumerRecord<String, byte[]> record) {
        return new EventEnvelope.Audit(attribute(record, "ce_actor"), attribute(record, "ce_reason"),
                attribute(record, "ce_ticket"), attribute(record, "ce_correlationid"),
                attribute(record, "ce_causationid"), attribute(record, "ce_prevhash"), attribute(record, "ce_hash"));
    }

    /** An optional attribute, e.g. {@code ce_correlationid}; null when absent. */
    public static String attribute(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String required(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            throw new MalformedEventException("missing header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long sequence(String text) {
        try {
            long sequence = Long.parseLong(text);
            if (sequence >= 0) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // reported below, with the offending value
        }
        throw new MalformedEventException("ce_sequence '" + text + "' is not a non-negative decimal number");
    }

    /** An absent ce_time falls back to the record's own timestamp, which a replay reads back unchanged. */
    private static Instant time(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("ce_time");
        if (header == null || header.value() == null) {
            return Instant.ofEpochMilli(record.timestamp());
        }
        String text = new String(header.value(), StandardCharsets.UTF_8);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time '" + text + "' is not an RFC 3339 timestamp");
        }
    }

    private static EventUpcasters.Upcast upcast(EventUpcasters upcasters, String type, ObjectNode data) {
        try {
            return upcasters.upcast(type, data);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(type + " cannot be brought to its latest version: " + e.getMessage());
        }
    }

    private static ObjectNode data(byte[] value) {
        if (value == null) {
            throw new MalformedEventException("no data (null record value)");
        }
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("data is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedEventException("data is not readable: " + e.getMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new MalformedEventException("data is not a JSON object");
        }
        return object;
    }
}
