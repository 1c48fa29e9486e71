package io.seamless.reactors.cni;

/** macvlan through Multus: the pool's network is the NetworkAttachmentDefinition's name. */
final class MacvlanStrategy implements CniStrategy {

    @Override
    public String mode() {
        return "macvlan";
    }

    @Override
    public CniPinning pin(CniNetworking networking) {
        return MultusNetworks.pin(networking);
    }
}
