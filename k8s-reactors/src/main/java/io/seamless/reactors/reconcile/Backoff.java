package io.seamless.reactors.reconcile;

import java.time.Duration;

/**
 * How long a key waits after its {@code n}th failure in a row: {@code initial} doubling up to {@code max}. An API
 * server that is down or throttling is then asked less and less often, and a key that works again is retried at
 * once (the count resets on success).
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** 100 ms doubling to 30 s, as controller-runtime's default per-item limiter does (5 ms to 1000 s there). */
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30));
    }

    /** The delay after {@code failures} failures in a row ({@code failures} >= 1). */
    public Duration after(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 30);
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
