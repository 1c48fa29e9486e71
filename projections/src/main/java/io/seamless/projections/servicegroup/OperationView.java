package io.seamless.projections.servicegroup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.seamless.projections.servicegroup.ServiceGroupEvents.GroupEvent;
import io.seamless.projections.servicegroup.ServiceGroupEvents.OperationFailed;
import io.seamless.projections.servicegroup.ServiceGroupEvents.UnitAddressesAssigned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The progress of one operation of a group, as {@code GET .../operations/{operationId}} shows it: what it is,
 * where it stands, why it failed, when it was accepted, last changed and finished, and the sequences of the
 * group events it produced. An operation that recorded no event (refused, or idempotent) is unknown here.
 *
 * @param type       {@code Create}, {@code ScaleOut}, ... named after the command that started it
 * @param state      see {@link State}
 * @param reason     why it failed; absent otherwise
 * @param acceptedAt time of its first event
 * @param updatedAt  time of its last event
 * @param finishedAt time it succeeded or failed; absent while it runs
 * @param sequences  the group's event sequences it produced, ascending
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"group", "operationId", "type", "state", "reason", "acceptedAt", "updatedAt", "finishedAt",
        "sequences"})
record OperationView(String group, String operationId, String type, State state, String reason,
                     Instant acceptedAt, Instant updatedAt, Instant finishedAt, List<Long> sequences) {

    /** Where an operation stands. The names are public (the API shows them): never rename one. */
    enum State {
        /** Recorded, waiting for the clusters to converge (reserved for the reactors' reports, see {@link #onRecorded}). */
        Accepted,
        /** Waiting for its units' addresses. */
        Provisioning,
        Succeeded,
        Failed
    }

    /** The operation each event starts, by the name of the command behind it. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("ServiceGroupCreated", "Create"),
            Map.entry("ServiceScaledOut", "ScaleOut"),
            Map.entry("ServiceScaledIn", "ScaleIn"),
            Map.entry("ResourcesChanged", "ChangeResources"),
            Map.entry("VolumeExpanded", "ExpandVolume"),
            Map.entry("VersionUpgraded", "UpgradeVersion"),
            Map.entry("ServicesRestarted", "Restart"),
            Map.entry("ServiceReconfigured", "Reconfigure"),
            Map.entry("PrimarySwitchedOver", "SwitchoverPrimary"),
            Map.entry("ServiceGroupStopped", "Stop"),
            Map.entry("ServiceGroupStarted", "Start"),
            Map.entry("StandbyPromoted", "PromoteStandby"),
            Map.entry("ServiceGroupDeleted", "Delete"));

    /** Operations that wait for addresses after their first event. */
    private static final List<String> PROVISIONING = List.of("Create", "ScaleOut");

    private static final String UNKNOWN_TYPE = "Unknown";

    OperationView {
        sequences = List.copyOf(sequences);
    }

    /** The operation after {@code event} (at {@code sequence}, recorded at {@code time}); null before its first. */
    static OperationView next(OperationView current, GroupEvent event, long sequence, Instant time) {
        if (event instanceof UnitAddressesAssigned) {
            return orUnknown(current, event, time).then(State.Succeeded, null, sequence, time);
        }
        if (event instanceof OperationFailed failed) {
            return orUnknown(current, event, time).then(State.Failed, failed.reason(), sequence, time);
        }
        String type = TYPES.get(event.getClass().getSimpleName());
        if (current == null) {
            return new OperationView(event.group(), event.operationId(), type, null, null, time, time, null,
                    List.of()).then(onRecorded(type), null, sequence, time);
        }
        return current.then(current.state, current.reason, sequence, time);
    }

    /**
     * The state an operation enters when its (first) event is recorded. Create and ScaleOut wait for addresses;
     * every other operation succeeds at once today. Once the reactors report convergence (observations), this is
     * where those operations start as {@link State#Accepted} instead, and succeed on the reactors' report.
     */
    static State onRecorded(String type) {
        return PROVISIONING.contains(type) ? State.Provisioning : State.Succeeded;
    }

    /** An operation completed by an event although none was seen to start: recorded, of an unknown type. */
    private static OperationView orUnknown(OperationView current, GroupEvent event, Instant time) {
        return current != null ? current : new OperationView(event.group(), event.operationId(), UNKNOWN_TYPE,
                State.Accepted, null, time, time, null, List.of());
    }

    private OperationView then(State newState, String newReason, long sequence, Instant time) {
        List<Long> all = new ArrayList<>(sequences);
        all.add(sequence);
        boolean finished = newState == State.Succeeded || newState == State.Failed;
        Instant finish = finishedAt != null && newState == state ? finishedAt : (finished ? time : null);
        return new OperationView(group, operationId, type, newState, newReason, acceptedAt, time, finish, all);
    }
}
