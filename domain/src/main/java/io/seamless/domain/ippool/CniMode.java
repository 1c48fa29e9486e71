package io.seamless.domain.ippool;

import io.seamless.domain.common.DomainException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How the CNI of a cluster pins a pod to an address drawn from a pool (DESIGN.md, Kubernetes). */
public enum CniMode {
    CALICO("calico"),
    KUBE_OVN("kube-ovn"),
    MACVLAN("macvlan"),
    SRIOV("sriov");

    private final String value;

    CniMode(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static CniMode fromValue(String value) {
        return Arrays.stream(values())
                .filter(mode -> mode.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new DomainException(IpPoolError.UNKNOWN_CNI_MODE,
                        "'" + value + "' is not a CNI mode; use one of " + allowed()));
    }

    private static String allowed() {
        return Arrays.stream(values()).map(CniMode::value).collect(Collectors.joining(", "));
    }
}
