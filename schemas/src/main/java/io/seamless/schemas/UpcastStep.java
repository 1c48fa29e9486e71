package io.seamless.schemas;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One version step of one public event type: how its data at version {@code from} becomes its data at
 * version {@code from + 1}. The one declaration of that step: the command side applies it to the events in its
 * store, the projections to the records they read off Kafka ({@link EventUpcasters}).
 *
 * <p>The transformation is pure: JSON in, JSON out, no clock, no I/O, no lookup, so that a replay years later
 * reads exactly what a reader reads today. It may change the node it is given (the registry hands it a copy)
 * and returns the data at version {@code from + 1}. It throws {@link IllegalArgumentException} for data it
 * cannot read.
 *
 * <pre>{@code
 * // v2 of AddressAllocated names the unit "unitId"
 * new UpcastStep("ippool", "AddressAllocated", 1, data -> {
 *     data.set("unitId", data.remove("unit"));
 *     return data;
 * });
 * }</pre>
 *
 * @param aggregate the aggregate as the type names it, e.g. {@code ippool}
 * @param event     the event name, e.g. {@code AddressAllocated}
 * @param from      the version it reads, from 1; it writes {@code from + 1}
 * @param transform the data at {@code from} to the data at {@code from + 1}
 */
public record UpcastStep(String aggregate, String event, int from, UnaryOperator<ObjectNode> transform) {

    private static final Pattern AGGREGATE = Pattern.compile("[a-z][a-z0-9]*");
    private static final Pattern EVENT = Pattern.compile("[A-Z][A-Za-z0-9]*");

    public UpcastStep {
        if (aggregate == null || !AGGREGATE.matcher(aggregate).matches()) {
            throw new IllegalArgumentException("aggregate '" + aggregate + "' is not lower-case letters and digits");
        }
        if (event == null || !EVENT.matcher(event).matches()) {
            throw new IllegalArgumentException("event '" + event + "' is not an UpperCamelCase name");
        }
        if (from < 1) {
            throw new IllegalArgumentException(aggregate + "." + event + ": a step reads a version from 1, not " + from);
        }
        Objects.requireNonNull(transform, "transform");
    }

    /** The version it writes. */
    public int to() {
        return from + 1;
    }

    /** The CloudEvents type it reads, e.g. {@code io.seamless.ippool.AddressAllocated.v1}. */
    public String fromType() {
        return EventUpcasters.typeOf(aggregate, event, from);
    }

    /** The CloudEvents type it writes, e.g. {@code io.seamless.ippool.AddressAllocated.v2}. */
    public String toType() {
        return EventUpcasters.typeOf(aggregate, event, to());
    }
}
