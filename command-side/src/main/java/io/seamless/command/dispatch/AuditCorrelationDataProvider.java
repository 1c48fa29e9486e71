package io.seamless.command.dispatch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/** Copies the audit metadata of a command onto each event it causes, and names the command as the cause. */
public class AuditCorrelationDataProvider implements CorrelationDataProvider {

    private static final List<String> COPIED = List.of(AuditMetadata.ACTOR, AuditMetadata.REASON,
            AuditMetadata.TICKET, AuditMetadata.CORRELATION_ID);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        COPIED.forEach(key -> {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        });
        data.put(AuditMetadata.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
