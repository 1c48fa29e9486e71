package io.seamless.projections.support;

/** What became of one record; the consumer loop counts them per batch. */
public enum ApplyOutcome {
    /** The read model changed. */
    APPLIED,
    /** A redelivery: the sequence was applied before, nothing changed. */
    ALREADY_APPLIED,
    /** Well formed but at odds with the read model, e.g. an allocation in an unknown pool; the projection logs why. */
    REJECTED,
    /** A known event this projection has no use for, e.g. an address allocation for the desired state. */
    IGNORED,
    /** A type this projection does not know, e.g. from a newer producer. */
    UNKNOWN_TYPE,
    /** Not a readable event. */
    MALFORMED
}
