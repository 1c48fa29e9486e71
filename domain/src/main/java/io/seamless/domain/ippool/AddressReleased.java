package io.seamless.domain.ippool;

/** A unit gave its address back. */
public record AddressReleased(String pool, String unit, String address) implements IpPoolEvent {
}
