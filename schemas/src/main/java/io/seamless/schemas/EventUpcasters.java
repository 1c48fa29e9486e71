package io.seamless.schemas;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry of version steps ({@link UpcastStep}): it brings the data of any public event, at whatever version it
 * was recorded, to the latest version it knows, one step at a time. Old events stay as they were written, in the event
 * store and on the Kafka topics (kept forever); readers upcast them as they read them: the command side when it loads
 * an aggregate or publishes from its store, the projections before any projection sees a record. So both sides only
 * ever handle the latest version of each event type.
 *
 * <p>An event type without steps is at v1, its latest and only version. A registry is checked when it is built: the
 * steps of each event type must go v1 -> v2 -> ... -> vN, one step from each version, no gap.
 *
 * <p>Immutable and thread-safe.
 */
public final class EventUpcasters {

    private static final String TYPE_PREFIX = "io.seamless.";
    private static final Pattern TYPE = Pattern.compile(
            "io\\.seamless\\.([a-z][a-z0-9]*)\\.([A-Z][A-Za-z0-9]*)\\.v([1-9][0-9]{0,8})");

    /**
     * The steps of the product: <b>none today</b>, every event type is at v1. The day an event type gets a v2 (a new
     * schema {@code <aggregate>/<EventName>.v2.schema.json}, the domain record changed), its step v1 -> v2 is added
     * here; docs/event-catalogue.md, "Versions of an event type", says how.
     */
    private static final EventUpcasters PRODUCT = of(List.of());

    /** Per event type ({@code ippool.AddressAllocated}), its steps by version: element {@code i} reads v{@code i+1}. */
    private final Map<String, List<UpcastStep>> chains;

    private EventUpcasters(Map<String, List<UpcastStep>> chains) {
        this.chains = chains;
    }

    /**
     * The registry Seamless runs with: empty today (every event type is at v1). Both sides use it unless their Spring
     * context declares an {@code EventUpcasters} bean of its own (tests do, to add steps).
     */
    public static EventUpcasters product() {
        return PRODUCT;
    }

    /** A registry of these steps, in any order. */
    public static EventUpcasters of(UpcastStep... steps) {
        return of(List.of(steps));
    }

    /**
     * A registry of these steps, in any order.
     *
     * @throws IllegalArgumentException if an event type has two steps from one version, or its steps do not go from
     *                                  v1 to its latest version without a gap
     */
    public static EventUpcasters of(Collection<UpcastStep> steps) {
        Map<String, List<UpcastStep>> byType = new TreeMap<>();
        steps.forEach(step -> byType.computeIfAbsent(key(step.aggregate(), step.event()), k -> new ArrayList<>())
                .add(step));
        Map<String, List<UpcastStep>> chains = new TreeMap<>();
        byType.forEach((type, unordered) -> chains.put(type, chain(type, unordered)));
        return new EventUpcasters(chains);
    }

    /** The latest version of an event type: 1 plus its number of steps. */
    public int latestVersion(String aggregate, String event) {
        return chains.getOrDefault(key(aggregate, event), List.of()).size() + 1;
    }

    /** Every step, by event type and then by version. */
    public List<UpcastStep> steps() {
        return chains.values().stream().flatMap(List::stream).toList();
    }

    /**
     * The data of an event at the latest version of its type.
     *
     * @param version the version it was recorded at
     * @param data    its data at that version; never changed
     * @return {@code data} itself when it is at the latest version already (or at a later one, written by a newer
     *         node), else a new node
     * @throws IllegalArgumentException if a step cannot read the data, naming the step
     */
    public ObjectNode upcast(String aggregate, String event, int version, ObjectNode data) {
        Objects.requireNonNull(data, "data");
        if (version < 1) {
            throw new IllegalArgumentException(key(aggregate, event) + ": no version " + version);
        }
        List<UpcastStep> chain = chains.getOrDefault(key(aggregate, event), List.of());
        if (version > chain.size()) {
            return data;
        }
        ObjectNode current = data.deepCopy();
        for (UpcastStep step : chain.subList(version - 1, chain.size())) {
            current = apply(step, current);
        }
        return current;
    }

    /**
     * An event named by its CloudEvents type, at the latest version of that type. A type that is not of the form
     * {@code io.seamless.<aggregate>.<EventName>.v<N>}, or has no step from its version, is returned as it is.
     *
     * @param type e.g. {@code io.seamless.ippool.AddressAllocated.v1}
     * @throws IllegalArgumentException if a step cannot read the data, naming the step
     */
    public Upcast upcast(String type, ObjectNode data) {
        Matcher parts = TYPE.matcher(type);
        if (!parts.matches()) {
            return new Upcast(type, data);
        }
        String aggregate = parts.group(1);
        String event = parts.group(2);
        int version = Integer.parseInt(parts.group(3));
        int latest = latestVersion(aggregate, event);
        if (version >= latest) {
            return new Upcast(type, data);
        }
        return new Upcast(typeOf(aggregate, event, latest), upcast(aggregate, event, version, data));
    }

    /** An event's CloudEvents type and data after {@link #upcast(String, ObjectNode)}. */
    public record Upcast(String type, ObjectNode data) {
    }

    /** {@code io.seamless.<aggregate>.<event>.v<version>}. */
    static String typeOf(String aggregate, String event, int version) {
        return TYPE_PREFIX + key(aggregate, event) + ".v" + version;
    }

    private static String key(String aggregate, String event) {
        return aggregate + "." + event;
    }

    private static List<UpcastStep> chain(String type, List<UpcastStep> steps) {
        List<UpcastStep> ordered = new ArrayList<>(steps);
        ordered.sort(Comparator.comparingInt(UpcastStep::from));
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).from() == ordered.get(i - 1).from()) {
                throw new IllegalArgumentException(TYPE_PREFIX + type + ": two steps from v" + ordered.get(i).from()
                        + "; each version has exactly one step to the next");
            }
        }
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).from() != i + 1) {
                throw new IllegalArgumentException(TYPE_PREFIX + type + ": no step from v" + (i + 1) + " but one from v"
                        + ordered.get(i).from() + "; the steps must go v1 -> v2 -> ... without a gap");
            }
        }
        return List.copyOf(ordered);
    }

    private static ObjectNode apply(UpcastStep step, ObjectNode data) {
        ObjectNode next;
        try {
            next = step.transform().apply(data);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("step " + step.fromType() + " -> v" + step.to() + " cannot read the data: "
                    + e.getMessage(), e);
        }
        if (next == null) {
            throw new IllegalArgumentException("step " + step.fromType() + " -> v" + step.to() + " returned no data");
        }
        return next;
    }
}
