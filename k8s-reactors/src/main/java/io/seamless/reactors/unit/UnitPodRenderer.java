package io.seamless.reactors.unit;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.seamless.reactors.cni.CniNetworking;
import io.seamless.reactors.cni.CniPinning;
import io.seamless.reactors.cni.CniStrategies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Unit controller's pure half: a Unit, as read from the API server (it needs the uid), to its Pod and PVCs.
 * The Pod is named after the Unit and controlled by it; each {@code spec.volumeClaims} entry becomes the PVC
 * {@code <claim>-<unit>}, also controlled by the Unit, so that it survives Pod restarts and a stop, and goes with
 * the Unit. There is no Pod while the unit is stopped or awaits its address. The unit's ConfigMap, when it has one, is mounted read-only at {@link #CONFIG_MOUNT_PATH} in the main
 * container.
 */
public final class UnitPodRenderer {

    /** Where the main container finds its configuration files, one file per ConfigMap key. */
    public static final String CONFIG_MOUNT_PATH = "/etc/seamless/config";
    public static final String CONFIG_VOLUME = "config";

    private final CniStrategies cni;

    public UnitPodRenderer(CniStrategies cni) {
        this.cni = cni;
    }

    public UnitWorkload render(Unit unit) {
        UnitSpec spec = unit.getSpec();
        OwnerReference owner = UnitOwners.reference(unit.getMetadata().getName(), unit.getMetadata().getUid(), true);
        CniPinning pinning = cni.pin(networking(spec.networking()));
        List<PersistentVolumeClaim> claims = spec.volumeClaims().stream()
                .map(claim -> claim(unit, claim, owner)).toList();
        Optional<Pod> pod = spec.stopped() || awaitsPinning(pinning) ? Optional.empty()
                : Optional.of(pod(unit, owner, pinning));
        return new UnitWorkload(pod, claims, pinning);
    }

    /**
     * A unit on a network of its own gets no Pod before its address can be pinned: the CNI would give the Pod an
     * address of its own, and the Pod would have to be replaced once the address is known. A unit without
     * networking runs on the cluster's default network, pinned to nothing.
     */
    public static boolean awaitsPinning(CniPinning pinning) {
        return !pinning.isBound() && !CniPinning.NO_NETWORKING.equals(pinning.unboundReason());
    }

    /** The PVC of one of the unit's claims. */
    public static String claimName(String claim, String unitName) {
        return claim + "-" + unitName;
    }

    private Pod pod(Unit unit, OwnerReference owner, CniPinning pinning) {
        UnitSpec spec = unit.getSpec();
        Map<String, String> annotations = new TreeMap<>(spec.template().annotations());
        annotations.putAll(pinning.annotations());
        List<Volume> volumes = new ArrayList<>();
        spec.volumeClaims().forEach(claim -> volumes.add(new VolumeBuilder().withName(claim.name())
                .withNewPersistentVolumeClaim(claimName(claim.name(), unit.getMetadata().getName()), false)
                .build()));
        if (spec.configMapName() != null) {
            volumes.add(new VolumeBuilder().withName(CONFIG_VOLUME).withNewConfigMap()
                    .withName(spec.configMapName()).endConfigMap().build());
        }
        return new PodBuilder()
                .withMetadata(metadata(unit, owner, annotations))
                .withNewSpec()
                .withContainers(spec.template().containers().stream()
                        .map(container -> PodContainers.container(container, spec, pinning)).toList())
                .withVolumes(volumes)
                .withRestartPolicy("Always")
                .endSpec()
                .build();
    }

    private static PersistentVolumeClaim claim(Unit unit, UnitSpec.VolumeClaim claim, OwnerReference owner) {
        return new PersistentVolumeClaimBuilder()
                .withMetadata(new ObjectMetaBuilder(metadata(unit, owner, Map.of()))
                        .withName(claimName(claim.name(), unit.getMetadata().getName())).build())
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName(claim.storageClassName())
                .withNewResources().addToRequests("storage", new Quantity(claim.size())).endResources()
                .endSpec()
                .build();
    }

    private static ObjectMeta metadata(Unit unit, OwnerReference owner, Map<String, String> annotations) {
        ObjectMetaBuilder metadata = new ObjectMetaBuilder()
                .withName(unit.getMetadata().getName())
                .withNamespace(unit.getMetadata().getNamespace())
                .withLabels(new TreeMap<>(unit.getMetadata().getLabels() == null ? Map.of()
                        : unit.getMetadata().getLabels()))
                .withOwnerReferences(owner);
        if (!annotations.isEmpty()) {
            metadata.withAnnotations(annotations);
        }
        return metadata.build();
    }

    private static CniNetworking networking(UnitSpec.Networking networking) {
        return networking == null ? null : new CniNetworking(networking.mode(), networking.network(),
                networking.address(), networking.prefixLength());
    }
}
