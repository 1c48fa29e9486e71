package io.seamless.domain.ippool;

/** A specific address, asked for by the caller, was handed to a unit. */
public record AddressReserved(String pool, String unit, String address) implements IpPoolEvent {
}
