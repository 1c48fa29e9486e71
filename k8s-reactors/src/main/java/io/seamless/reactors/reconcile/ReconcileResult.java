package io.seamless.reactors.reconcile;

import java.util.List;

/**
 * The typed outcome of one group's reconcile in one cluster.
 *
 * @param changes     every write made (none when the group already matched)
 * @param corrections the subset of changes that undid drift
 * @param problem     why the document was refused, for {@link Outcome#INVALID_DESIRED_STATE}; null otherwise
 * @param requeue     something is still on its way (a Unit being deleted that is wanted again): try again soon
 */
public record ReconcileResult(String group, Outcome outcome, List<Change> changes, List<Correction> corrections,
                              String problem, boolean requeue) {

    public ReconcileResult {
        changes = List.copyOf(changes);
        corrections = List.copyOf(corrections);
    }

    /** Whether the reconcile wrote the objects of the group or refused the document. */
    public enum Outcome {
        APPLIED, INVALID_DESIRED_STATE
    }

    static ReconcileResult invalid(String group, String problem) {
        return new ReconcileResult(group, Outcome.INVALID_DESIRED_STATE, List.of(), List.of(), problem, false);
    }
}
