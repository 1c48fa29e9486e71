package io.seamless.reactors.cni;

import java.util.Map;

/**
 * Calico: the IPAM plugin honours {@code cni.projectcalico.org/ipAddrs} (a JSON list with the one address) and
 * {@code ipv4pools} (the Calico IP pool to take it from), so the pool's network is the Calico pool's name.
 */
final class CalicoStrategy implements CniStrategy {

    static final String IP_ADDRS = "cni.projectcalico.org/ipAddrs";
    static final String IPV4_POOLS = "cni.projectcalico.org/ipv4pools";

    @Override
    public String mode() {
        return "calico";
    }

    @Override
    public CniPinning pin(CniNetworking networking) {
        return CniPinning.bound(Map.of(
                IP_ADDRS, JsonText.of(new String[] {networking.address()}),
                IPV4_POOLS, JsonText.of(new String[] {networking.network()})));
    }
}
