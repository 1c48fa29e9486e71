package io.seamless.domain.ippool;

/** The pool was deleted; it held no allocation. */
public record IpPoolDeleted(String pool) implements IpPoolEvent {
}
