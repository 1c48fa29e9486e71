package io.seamless.projections.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.function.Function;

/**
 * Reads an event's JSON data into a projection's own record of it, the same way for every
 * aggregate: unknown fields ignored (a new optional field is a compatible change of a v1 schema),
 * a missing required field or data about another aggregate than {@code ce_subject} malformed.
 */
public final class EventData {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventData() {
    }

    /**
     * @param subjectOf the field of the data that names the aggregate
     * @param noun      what that field is, for the message ("pool", "cluster", "group")
     */
    public static <T> T read(EventEnvelope event, Class<T> type, Function<T, String> subjectOf, String noun) {
        T payload;
        try {
            payload = JSON.treeToValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(event.type() + " data not readable: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(event.type() + " data not readable: " + e.getMessage());
        }
        if (!subjectOf.apply(payload).equals(event.subject())) {
            throw new MalformedEventException(event.type() + " data names " + noun + " '" + subjectOf.apply(payload)
                    + "' but ce_subject is '" + event.subject() + "'");
        }
        return payload;
    }

    /** For the compact constructors of the records: a required field, present and not blank. */
    public static <V> V required(V value, String field) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }
}
