package io.seamless.projections.support;

/**
 * Folds public events into one read model. Called inside the batch's database transaction, one event at a
 * time, in partition order. Implementations are idempotent on (subject, sequence) and throw
 * {@link MalformedEventException} before writing anything when an event's data cannot be read.
 */
@FunctionalInterface
public interface EventProjection {

    ApplyOutcome apply(EventEnvelope event);
}
