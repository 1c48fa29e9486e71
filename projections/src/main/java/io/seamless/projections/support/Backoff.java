package io.seamless.projections.support;

import java.time.Duration;

/** Exponential pause between retries, reset by the first success. Used by one thread only (not thread-safe). */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The pause to take now; the one after it is twice as long, up to the maximum. */
    public Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    public void reset() {
        next = initial;
    }
}
