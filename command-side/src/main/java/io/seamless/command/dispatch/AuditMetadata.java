package io.seamless.command.dispatch;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * Who asked for a change and why: travels as command metadata, is copied onto every event the
 * command causes, and ends up as CloudEvents extensions on Kafka. {@code expectedVersion} (from
 * {@code If-Match}) travels with the command only: the aggregate must be at exactly that version.
 */
public record AuditMetadata(String actor, String reason, String ticket, String correlationId, Long expectedVersion) {

    public AuditMetadata(String actor, String reason, String ticket, String correlationId) {
        this(actor, reason, ticket, correlationId, null);
    }

    public static final String ACTOR = "actor";
    public static final String REASON = "reason";
    public static final String TICKET = "ticket";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String EXPECTED_VERSION = "expectedVersion";

    public MetaData toMetaData() {
        Map<String, Object> values = new HashMap<>();
        values.put(ACTOR, actor);
        values.put(CORRELATION_ID, correlationId);
        if (reason != null) {
            values.put(REASON, reason);
        }
        if (ticket != null) {
            values.put(TICKET, ticket);
        }
        if (expectedVersion != null) {
            values.put(EXPECTED_VERSION, expectedVersion);
        }
        return MetaData.from(values);
    }
}
