package io.seamless.projections;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Builds Kafka records exactly as docs/event-catalogue.md describes the public events: a CloudEvent 1.0 in
 * binary mode, {@code ce_*} headers, JSON value, key = aggregate id. Ids and times derive from subject and
 * sequence, so that sending an event twice sends the very same event, as a real redelivery does.
 */
public final class CloudEventRecords {

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private CloudEventRecords() {
    }

    public static ProducerRecord<String, byte[]> event(String topic, String type, String subject, long sequence,
                                                       String json) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, subject, bytes(json));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.nameUUIDFromBytes(bytes(subject + "/" + sequence)).toString());
        header(record, "ce_source", "/seamless/command");
        header(record, "ce_type", type);
        header(record, "ce_subject", subject);
        header(record, "ce_time", EPOCH.plusSeconds(sequence).toString());
        header(record, "ce_dataschema", dataSchema(type));
        header(record, "ce_sequence", Long.toString(sequence));
        header(record, "ce_actor", "test-operator");
        header(record, "ce_correlationid", UUID.nameUUIDFromBytes(bytes("corr/" + subject)).toString());
        header(record, "ce_causationid", UUID.nameUUIDFromBytes(bytes("cmd/" + subject + "/" + sequence)).toString());
        header(record, "content-type", "application/json");
        return record;
    }

    /** The same record without one of its headers. */
    public static ProducerRecord<String, byte[]> without(ProducerRecord<String, byte[]> record, String header) {
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(record.topic(), record.key(), record.value());
        record.headers().forEach(h -> {
            if (!h.key().equals(header)) {
                copy.headers().add(h);
            }
        });
        return copy;
    }

    /** The same record with another value, e.g. bytes that are not JSON. */
    public static ProducerRecord<String, byte[]> withValue(ProducerRecord<String, byte[]> record, byte[] value) {
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(record.topic(), record.key(), value);
        record.headers().forEach(h -> copy.headers().add(h));
        return copy;
    }

    /** {@code io.seamless.ippool.AddressAllocated.v1} lives at {@code ippool/AddressAllocated.v1.schema.json}. */
    static String dataSchema(String type) {
        String relative = type.substring("io.seamless.".length());
        int dot = relative.indexOf('.');
        return relative.substring(0, dot) + "/" + relative.substring(dot + 1) + ".schema.json";
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, bytes(value));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
