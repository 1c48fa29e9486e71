package io.seamless.reactors.observation;

/**
 * Where the reactor's observations go: in a server, {@code seamless.observations} (the runtime's publisher); in
 * tests, anything that records them. Called from the reactor's worker threads: an implementation must be
 * thread-safe and should not block for long (it delays the reconcile that reports).
 */
@FunctionalInterface
public interface ObservationSink {

    /** Discards everything: a reactor run without a publisher. */
    ObservationSink NONE = observation -> { };

    void observe(Observation observation);

    /**
     * An observation something waits for ({@code UNIT_RELEASED}: the unit's address goes back to its pool only once
     * it is reported): returns once it is stored, throws when it could not be, so that the caller keeps holding what
     * the observation releases (the Unit's finalizer) and reports it again on its next try. Reported at least once,
     * hence possibly more than once. By default the same as {@link #observe}: a sink in memory does not fail.
     */
    default void observeDurably(Observation observation) {
        observe(observation);
    }
}
