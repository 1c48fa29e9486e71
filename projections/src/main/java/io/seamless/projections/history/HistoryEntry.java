package io.seamless.projections.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One event of a history, with who did it, why, under which change and in which request, and its hash. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "type", "time", "topic", "subject", "sequence", "actor", "reason", "ticket", "correlationId",
        "causationId", "prevhash", "hash", "data"})
public record HistoryEntry(String id, String type, Instant time, String topic, String subject, long sequence,
                           String actor, String reason, String ticket, String correlationId, String causationId,
                           String prevhash, String hash, JsonNode data) {
}
