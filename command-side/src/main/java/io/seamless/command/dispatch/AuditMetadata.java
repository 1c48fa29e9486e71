package io.seamless.command.dispatch;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * Who asked for a change and why: travels as command metadata, is copied onto every event the
 * command causes, and ends up as CloudEvents extensions on Kafka.
 */
public record AuditMetadata(String actor, String reason, String ticket, String correlationId) {

    public static final String ACTOR = "actor";
    public static final String REASON = "reason";
    public static final String TICKET = "ticket";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    public MetaData toMetaData() {
        Map<String, String> values = new HashMap<>();
        values.put(ACTOR, actor);
        values.put(CORRELATION_ID, correlationId);
        if (reason != null) {
            values.put(REASON, reason);
        }
        if (ticket != null) {
            values.put(TICKET, ticket);
        }
        return MetaData.from(values);
    }
}
