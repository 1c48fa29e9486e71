package io.seamless.domain.ippool;

/**
 * The answer to an allocation, reservation or release: who holds (or held) which address, at
 * which version of the pool. {@code address} is null for a release of a unit that held nothing.
 */
public record AddressAssignment(String pool, String unit, String address, long version) {
}
