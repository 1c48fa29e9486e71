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
}
