package io.seamless.reactors.reconcile;

import java.time.Duration;

/**
 * How a reactor works its queue: {@code workers} threads (one is the default: a cluster's API server, not the
 * reactor, is the bottleneck, and one thread keeps the logs in order), per-key back-off on errors, and a periodic
 * resync that enqueues every known group as a safety net for anything missed.
 */
public record ReactorSettings(int workers, Backoff backoff, Duration resync) {

    public ReactorSettings {
        if (workers < 1 || resync.isNegative() || resync.isZero()) {
            throw new IllegalArgumentException("need workers >= 1 and a positive resync period");
        }
    }

    public static ReactorSettings defaults() {
        return new ReactorSettings(1, Backoff.standard(), Duration.ofMinutes(5));
    }
}
