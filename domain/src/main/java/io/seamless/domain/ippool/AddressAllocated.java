package io.seamless.domain.ippool;

/** The lowest free address of the pool was handed to a unit. */
public record AddressAllocated(String pool, String unit, String address) implements IpPoolEvent {
}
