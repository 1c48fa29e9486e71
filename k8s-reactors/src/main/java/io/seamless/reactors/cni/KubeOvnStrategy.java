package io.seamless.reactors.cni;

import java.util.Map;

/** Kube-OVN: a fixed address is the plain {@code ip_address} annotation within the subnet named by the pool. */
final class KubeOvnStrategy implements CniStrategy {

    static final String IP_ADDRESS = "ovn.kubernetes.io/ip_address";
    static final String LOGICAL_SWITCH = "ovn.kubernetes.io/logical_switch";

    @Override
    public String mode() {
        return "kube-ovn";
    }

    @Override
    public CniPinning pin(CniNetworking networking) {
        return CniPinning.bound(Map.of(IP_ADDRESS, networking.address(), LOGICAL_SWITCH, networking.network()));
    }
}
