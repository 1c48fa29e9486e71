package io.seamless.projections.support;

/**
 * A record that cannot be read as a public event (bad JSON, missing or invalid attributes). The consumer
 * loop logs and skips it: one bad record must never block the events behind it.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
