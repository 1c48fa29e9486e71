package io.seamless.reactors.unit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Condition bookkeeping after the Kubernetes API conventions, shared by the Unit controller and the group
 * reconciler (both write a Unit's conditions): one condition per type, and {@code lastTransitionTime} moves only
 * when {@code status} changes, so that a resync that finds nothing new writes nothing.
 */
public final class UnitConditions {

    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";
    /** The group reconciler's reason on {@code Ready}: the controller leaves such a condition alone. */
    public static final String INVALID_DESIRED_STATE = "InvalidDesiredState";
    /** The group reconciler's reason on {@code Ready} once a valid document replaced an invalid one. */
    public static final String DESIRED_STATE_ACCEPTED = "DesiredStateAccepted";

    private UnitConditions() {
    }

    public static Optional<UnitStatus.Condition> find(UnitStatus status, String type) {
        return status == null ? Optional.empty()
                : status.conditions().stream().filter(condition -> condition.type().equals(type)).findFirst();
    }

    /** The conditions with {@code next} in place of the one of its type, its transition time set. */
    public static List<UnitStatus.Condition> with(List<UnitStatus.Condition> current, UnitStatus.Condition next,
                                                  Instant now) {
        List<UnitStatus.Condition> conditions = new ArrayList<>();
        String transition = now.toString();
        for (UnitStatus.Condition condition : current) {
            if (!condition.type().equals(next.type())) {
                conditions.add(condition);
            } else if (Objects.equals(condition.status(), next.status())) {
                transition = condition.lastTransitionTime();
            }
        }
        conditions.add(new UnitStatus.Condition(next.type(), next.status(), next.reason(), next.message(),
                transition, next.observedGeneration()));
        conditions.sort((left, right) -> left.type().compareTo(right.type()));
        return conditions;
    }

    /** {@code status} (or an empty one) with {@code next} set. */
    public static UnitStatus with(UnitStatus status, UnitStatus.Condition next, Instant now) {
        UnitStatus base = status == null ? new UnitStatus(null, null, List.of(), null) : status;
        return new UnitStatus(base.phase(), base.observedGeneration(), with(base.conditions(), next, now),
                base.podIP());
    }

    /** Whether the reactor refused the group's document: the Ready condition says so until it is cleared. */
    public static boolean refused(UnitStatus status) {
        return find(status, UnitStatus.READY).map(ready -> INVALID_DESIRED_STATE.equals(ready.reason()))
                .orElse(false);
    }
}
