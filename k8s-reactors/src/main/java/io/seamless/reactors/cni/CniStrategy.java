package io.seamless.reactors.cni;

/**
 * Pins a Pod to an address the way one CNI does it. Implementations are called only with a networking of their
 * mode that has an address, and are pure.
 */
public interface CniStrategy {

    /** The IP pool's CNI mode this strategy handles, e.g. {@code calico}. */
    String mode();

    CniPinning pin(CniNetworking networking);
}
