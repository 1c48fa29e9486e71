package io.seamless.reactors.cni;

import java.util.Map;

/**
 * SR-IOV through Multus: the same network-selection annotation as macvlan, plus one virtual function of the
 * network's device pool as an extended resource (request = limit = 1) on the main container, which is what the
 * SR-IOV device plugin schedules on. The resource's name comes from {@link SriovSettings}.
 */
final class SriovStrategy implements CniStrategy {

    private final SriovSettings settings;

    SriovStrategy(SriovSettings settings) {
        this.settings = settings;
    }

    @Override
    public String mode() {
        return "sriov";
    }

    @Override
    public CniPinning pin(CniNetworking networking) {
        CniPinning pinning = MultusNetworks.pin(networking);
        return pinning.isBound()
                ? pinning.withExtendedResources(Map.of(settings.resourceName(networking.network()), "1"))
                : pinning;
    }
}
