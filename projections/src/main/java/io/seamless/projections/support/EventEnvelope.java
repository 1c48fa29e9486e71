package io.seamless.projections.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One public event as read from Kafka: the CloudEvents attributes a projection needs and the JSON data.
 *
 * @param id       {@code ce_id}, the event's id in the event store
 * @param type     {@code ce_type}, e.g. {@code io.seamless.ippool.AddressAllocated.v1}
 * @param subject  {@code ce_subject}, the aggregate id
 * @param sequence {@code ce_sequence}, position in the aggregate's stream, from 0
 * @param time     {@code ce_time}, when the event was recorded
 * @param data     the record value
 */
public record EventEnvelope(String id, String type, String subject, long sequence, Instant time, ObjectNode data) {
}
