package io.seamless.reactors.reconcile;

import io.seamless.reactors.unit.Unit;
import io.seamless.reactors.unit.UnitConditions;
import io.seamless.reactors.unit.UnitStatus;
import io.seamless.reactors.unit.UnitStatusWriter;
import java.time.Clock;
import java.util.List;

/**
 * How a refused document shows on the cluster: the group's existing Units get {@code Ready=False} with reason
 * {@code InvalidDesiredState} and the offending field in the message, and nothing else is touched (acting on half a
 * document could delete what it only failed to describe). The Unit controller leaves that condition alone; the
 * next valid document sets it to {@code Unknown}, and the controller computes it again from the Pod.
 */
final class RefusalMarks {

    private final UnitStatusWriter status;
    private final Clock clock;

    RefusalMarks(UnitStatusWriter status, Clock clock) {
        this.status = status;
        this.clock = clock;
    }

    void mark(List<Unit> units, String problem) {
        units.stream().filter(unit -> unit.getMetadata().getDeletionTimestamp() == null).forEach(unit ->
                status.write(unit, current -> UnitConditions.with(current.getStatus(), new UnitStatus.Condition(
                        UnitStatus.READY, UnitConditions.FALSE, UnitConditions.INVALID_DESIRED_STATE, problem, null,
                        current.getMetadata().getGeneration()), clock.instant())));
    }

    void clear(List<Unit> units) {
        units.stream().filter(unit -> UnitConditions.refused(unit.getStatus())).forEach(unit ->
                status.write(unit, current -> UnitConditions.refused(current.getStatus())
                        ? UnitConditions.with(current.getStatus(), new UnitStatus.Condition(UnitStatus.READY,
                                UnitConditions.UNKNOWN, UnitConditions.DESIRED_STATE_ACCEPTED,
                                "the desired state is valid again", null, current.getMetadata().getGeneration()),
                                clock.instant())
                        : current.getStatus()));
    }
}
