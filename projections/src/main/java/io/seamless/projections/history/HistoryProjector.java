package io.seamless.projections.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamless.projections.support.ApplyOutcome;
import io.seamless.projections.support.EventEnvelope;

/**
 * Keeps every public event for the timelines, once (a redelivery changes nothing), with the unit and address
 * an IP pool event names, and binds the unit ids a service group's events plan to that group.
 */
class HistoryProjector implements io.seamless.projections.support.EventProjection {

    private final HistoryRepository history;

    HistoryProjector(HistoryRepository history) {
        this.history = history;
    }

    @Override
    public ApplyOutcome apply(EventEnvelope event) {
        JsonNode data = event.data();
        String unit = text(data, "unit");
        String address = text(data, "address");
        if (!history.record(event, unit, address)) {
            return ApplyOutcome.ALREADY_APPLIED;
        }
        if (HistoryRepository.SERVICE_GROUP_TOPIC.equals(event.topic())) {
            data.path("units").forEach(planned -> {
                if (planned.hasNonNull("id")) {
                    history.bindUnit(event.subject(), planned.get("id").asText());
                }
            });
        }
        return ApplyOutcome.APPLIED;
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
