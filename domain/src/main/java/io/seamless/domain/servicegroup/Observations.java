package io.seamless.domain.servicegroup;

import io.seamless.domain.common.DomainException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the group's reactors last reported of each unit, to tell news from repetition: a unit's status
 * (ready, not ready, failed, pod gone, released) is news when it differs from the last one; its address
 * being bound is news once per pod; a corrected drift or a refused desired state is always news (each is a
 * distinct fact, and reactors already report a refusal once per distinct problem).
 */
final class Observations {

    static final Set<String> STATUSES = Set.of("UNIT_READY", "UNIT_NOT_READY", "UNIT_FAILED", "POD_GONE",
            "UNIT_RELEASED");
    static final Set<String> EVENTS = Set.of("DRIFT_CORRECTED", "DESIRED_STATE_INVALID");
    static final String ADDRESS_BOUND = "ADDRESS_BOUND";

    private final Map<String, String> statuses = new HashMap<>();
    private final Set<String> bound = new HashSet<>();

    /** @throws DomainException for an observation this version does not know, or a unit observation without unit */
    boolean isNews(String unit, String observation) {
        if (EVENTS.contains(observation)) {
            return true;
        }
        if (!STATUSES.contains(observation) && !ADDRESS_BOUND.equals(observation)) {
            throw new DomainException(ServiceGroupError.UNKNOWN_OBSERVATION, "unknown observation '" + observation
                    + "'; known: " + STATUSES + ", " + ADDRESS_BOUND + ", " + EVENTS);
        }
        if (unit == null) {
            throw new DomainException(ServiceGroupError.UNKNOWN_OBSERVATION, observation + " needs a unit");
        }
        return ADDRESS_BOUND.equals(observation) ? !bound.contains(unit) : !observation.equals(statuses.get(unit));
    }

    void record(String unit, String observation) {
        if (unit == null) {
            return;
        }
        if (ADDRESS_BOUND.equals(observation)) {
            bound.add(unit);
        } else if (STATUSES.contains(observation)) {
            statuses.put(unit, observation);
            if (observation.equals("POD_GONE") || observation.equals("UNIT_RELEASED")) {
                bound.remove(unit);
            }
        }
    }
}
