package io.seamless.reactors.cni;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of pinning a Pod to its address: the Pod annotations and extended resources (request = limit, as
 * Kubernetes wants for them) of the main container, or, when the Pod cannot be pinned yet, why not, as a CamelCase
 * reason the Unit controller puts into {@code AddressBound=False}.
 */
public record CniPinning(Map<String, String> annotations, Map<String, String> extendedResources,
                         String unboundReason) {

    /** The unit has no networking (its pool is not known yet). */
    public static final String NO_NETWORKING = "NoNetworking";
    /** The unit has no address yet. */
    public static final String ADDRESS_NOT_ASSIGNED = "AddressNotAssigned";
    /** A Multus CNI needs the pool's prefix length, which the document does not carry. */
    public static final String PREFIX_LENGTH_UNKNOWN = "PrefixLengthUnknown";
    /** No strategy of this reactor knows the pool's CNI mode. */
    public static final String UNSUPPORTED_MODE = "UnsupportedCniMode";

    public CniPinning {
        annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
        extendedResources = Collections.unmodifiableMap(new TreeMap<>(extendedResources));
    }

    public static CniPinning bound(Map<String, String> annotations) {
        return new CniPinning(annotations, Map.of(), null);
    }

    public static CniPinning unbound(String reason) {
        return new CniPinning(Map.of(), Map.of(), reason);
    }

    public boolean isBound() {
        return unboundReason == null;
    }

    /** The same pinning asking for {@code resources} on the main container too. */
    public CniPinning withExtendedResources(Map<String, String> resources) {
        Map<String, String> all = new TreeMap<>(extendedResources);
        all.putAll(resources);
        return new CniPinning(annotations, all, unboundReason);
    }
}
