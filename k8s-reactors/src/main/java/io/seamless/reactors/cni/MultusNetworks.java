package io.seamless.reactors.cni;

import java.util.List;
import java.util.Map;

/**
 * The Multus network-selection annotation ({@code k8s.v1.cni.cncf.io/networks}) asking for one attachment with a
 * static address. The {@code ips} of the NPWG spec are in CIDR notation, which is why Multus modes need the pool's
 * prefix length.
 */
final class MultusNetworks {

    static final String ANNOTATION = "k8s.v1.cni.cncf.io/networks";

    private MultusNetworks() {
    }

    /** The pinning, or why there is none (no prefix length to write the address in CIDR notation). */
    static CniPinning pin(CniNetworking networking) {
        if (networking.prefixLength() == null) {
            return CniPinning.unbound(CniPinning.PREFIX_LENGTH_UNKNOWN);
        }
        Selection selection = new Selection(networking.network(),
                List.of(networking.address() + "/" + networking.prefixLength()));
        return CniPinning.bound(Map.of(ANNOTATION, JsonText.of(List.of(selection))));
    }

    /** One element of the annotation's list; Jackson writes the components in this order. */
    record Selection(String name, List<String> ips) {
    }
}
