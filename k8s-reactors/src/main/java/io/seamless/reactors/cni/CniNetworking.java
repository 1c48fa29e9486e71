package io.seamless.reactors.cni;

/**
 * What a strategy needs of a unit's networking: its pool's CNI mode and network, the unit's address (null until
 * assigned) and the pool's prefix length (null when the writer did not say; Multus strategies need it).
 */
public record CniNetworking(String mode, String network, String address, Integer prefixLength) {
}
