package io.seamless.domain.engine;

/** A named port a function type listens on, e.g. {@code mysql 3306}. */
public record Port(String name, int number) {
}
