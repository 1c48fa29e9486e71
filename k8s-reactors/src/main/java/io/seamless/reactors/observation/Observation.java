package io.seamless.reactors.observation;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a reactor saw happen in its cluster, as opposed to something it was asked for: the command side turns
 * observations into events, so that a group's history holds what really happened (a unit became ready, failed,
 * drifted and was corrected). {@code unit} is null for what concerns the group as a whole.
 *
 * @param reason  CamelCase, stable, for machines (the Kubernetes condition reason where there is one)
 * @param message for humans; may be null
 * @param time    from the reactor's injected clock
 */
public record Observation(String cluster, String group, String unit, Type type, String reason, String message,
                          Instant time) {

    public Observation {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(time, "time");
    }

    /** The transitions worth an event; each is reported once, when it happens, not on every resync. */
    public enum Type {
        /** The unit's {@code Ready} condition became True. */
        UNIT_READY,
        /** The unit's {@code Ready} condition left True. */
        UNIT_NOT_READY,
        /** The unit's Pod failed (phase Failed). */
        UNIT_FAILED,
        /** The unit's Pod disappeared while it should run, or because the group was stopped. */
        POD_GONE,
        /** The unit's Pod runs on the unit's address. */
        ADDRESS_BOUND,
        /** The Unit is gone and so is its Pod: its address may be released now, never earlier. */
        UNIT_RELEASED,
        /** A managed object had been deleted or edited by hand and was restored. */
        DRIFT_CORRECTED,
        /** The group's desired-state document could not be acted on; nothing was changed. */
        DESIRED_STATE_INVALID
    }
}
