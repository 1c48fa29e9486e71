package io.seamless.reactors.unit;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.seamless.reactors.cni.CniPinning;
import java.util.List;
import java.util.Optional;

/**
 * What a Unit needs in its cluster: its Pod (none when stopped), its PVCs (always: data outlives the Pod), and how
 * the Pod is pinned to the unit's address, which the controller reports as the {@code AddressBound} condition.
 */
public record UnitWorkload(Optional<Pod> pod, List<PersistentVolumeClaim> claims, CniPinning pinning) {

    public UnitWorkload {
        claims = List.copyOf(claims);
    }
}
