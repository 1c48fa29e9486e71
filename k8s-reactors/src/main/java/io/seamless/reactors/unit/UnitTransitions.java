package io.seamless.reactors.unit;

import io.seamless.reactors.observation.Observation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The observations a status write stands for: a transition between the status before and after, never a state,
 * so that a resync (which writes nothing) reports nothing, and each transition is reported once.
 */
final class UnitTransitions {

    private UnitTransitions() {
    }

    static List<Observation> between(String cluster, Unit unit, UnitStatus before, UnitStatus after, Instant now) {
        List<Observation> observations = new ArrayList<>();
        String group = unit.getSpec().serviceGroup();
        String name = unit.getMetadata().getName();
        UnitStatus.Condition ready = UnitConditions.find(after, UnitStatus.READY).orElse(null);
        boolean wasReady = isTrue(before, UnitStatus.READY);
        if (!wasReady && isTrue(after, UnitStatus.READY)) {
            observations.add(new Observation(cluster, group, name, Observation.Type.UNIT_READY, ready.reason(),
                    ready.message(), now));
        } else if (wasReady && ready != null && !UnitConditions.TRUE.equals(ready.status())) {
            observations.add(new Observation(cluster, group, name, Observation.Type.UNIT_NOT_READY, ready.reason(),
                    ready.message(), now));
        }
        if (UnitStatus.FAILED.equals(after.phase()) && (before == null || !UnitStatus.FAILED.equals(before.phase()))) {
            observations.add(new Observation(cluster, group, name, Observation.Type.UNIT_FAILED, "PodFailed",
                    ready == null ? null : ready.message(), now));
        }
        if (before != null && before.podIP() != null && after.podIP() == null) {
            observations.add(new Observation(cluster, group, name, Observation.Type.POD_GONE,
                    unit.getSpec().stopped() ? "Stopped" : "PodDeleted", "the Pod on " + before.podIP() + " is gone",
                    now));
        }
        if (!isTrue(before, UnitStatus.ADDRESS_BOUND) && isTrue(after, UnitStatus.ADDRESS_BOUND)) {
            observations.add(new Observation(cluster, group, name, Observation.Type.ADDRESS_BOUND, "AddressPinned",
                    after.podIP(), now));
        }
        return observations;
    }

    private static boolean isTrue(UnitStatus status, String type) {
        return UnitConditions.find(status, type).map(c -> Objects.equals(UnitConditions.TRUE, c.status()))
                .orElse(false);
    }
}
