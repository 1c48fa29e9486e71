package io.seamless.reactors.cni;

import java.util.Map;

/**
 * Which extended resource the SR-IOV device plugin advertises for a network. The plugin's {@code resourceName} may
 * only hold letters, digits and underscores, so by default a network {@code fast-net} maps to
 * {@code <prefix>/sriov_fast_net} (the prefix defaults to {@code intel.com}, the plugin's own default); a network
 * whose resource is named otherwise is listed in {@code resourceNames}.
 *
 * @param resourcePrefix the device plugin's resource prefix, e.g. {@code intel.com} or {@code openshift.io}
 * @param resourceNames  full resource names by network, overriding the default
 */
public record SriovSettings(String resourcePrefix, Map<String, String> resourceNames) {

    public static final String DEFAULT_PREFIX = "intel.com";

    public SriovSettings {
        resourceNames = Map.copyOf(resourceNames);
    }

    public static SriovSettings defaults() {
        return new SriovSettings(DEFAULT_PREFIX, Map.of());
    }

    public String resourceName(String network) {
        String configured = resourceNames.get(network);
        return configured != null ? configured
                : resourcePrefix + "/sriov_" + network.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
