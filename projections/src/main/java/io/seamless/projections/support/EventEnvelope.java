package io.seamless.projections.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One public event as read from Kafka: the CloudEvents attributes a projection needs and the JSON data.
 *
 * @param id       {@code ce_id}, the event's id in the event store
 * @param type     {@code ce_type} at the latest version of the event type, e.g.
 *                 {@code io.seamless.ippool.AddressAllocated.v1}: a record of an older version is upcast as it is
 *                 read ({@link BinaryCloudEvents})
 * @param subject  {@code ce_subject}, the aggregate id
 * @param sequence {@code ce_sequence}, position in the aggregate's stream, from 0
 * @param time     {@code ce_time}, when the event was recorded
 * @param data     the record value, at that latest version
 * @param topic    the topic it was read from (null where it does not matter)
 * @param audit    who, why and the hash chain: the CloudEvents extensions the history shows
 */
public record EventEnvelope(String id, String type, String subject, long sequence, Instant time, ObjectNode data,
                            String topic, Audit audit) {

    /** An event without topic or audit attributes: what most projections need. */
    public EventEnvelope(String id, String type, String subject, long sequence, Instant time, ObjectNode data) {
        this(id, type, subject, sequence, time, data, null, Audit.NONE);
    }

    /** The audit extensions of DESIGN.md's envelope, each null when the event does not carry it. */
    public record Audit(String actor, String reason, String ticket, String correlationId, String causationId,
                        String prevhash, String hash) {
        static final Audit NONE = new Audit(null, null, null, null, null, null, null);
    }
}
