package io.seamless.reactors.unit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the Unit controller observed, after the Kubernetes API conventions: {@code Ready} plus specific conditions
 * such as {@code AddressBound}, each with a CamelCase reason and the generation it was computed for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitStatus(String phase, Long observedGeneration, List<Condition> conditions, String podIP) {

    public static final String READY = "Ready";
    public static final String ADDRESS_BOUND = "AddressBound";
    /** The phases of the CRD's enum: Pending until the Pod runs, Stopped while the group is stopped. */
    public static final String PENDING = "Pending";
    public static final String RUNNING = "Running";
    public static final String STOPPED = "Stopped";
    public static final String FAILED = "Failed";

    public UnitStatus {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** {@code lastTransitionTime} is RFC 3339 and moves only when {@code status} changes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(String type, String status, String reason, String message, String lastTransitionTime,
                            Long observedGeneration) {
    }
}
