package io.seamless.reactors.unit;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.seamless.reactors.cni.CniPinning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Unit's container as a Pod's: every container learns its pinned address from {@code POD_IP} (the downward
 * API: what the CNI really gave, which engines bind and advertise); the main container also gets the CNI's
 * extended resources and the unit's configuration.
 */
final class PodContainers {

    static final String POD_IP = "POD_IP";

    private PodContainers() {
    }

    static Container container(UnitSpec.Container container, UnitSpec spec, CniPinning pinning) {
        boolean main = container.name().equals(spec.mainContainerName());
        Map<String, String> extended = main ? pinning.extendedResources() : Map.of();
        UnitSpec.Resources resources = container.resources() == null
                ? new UnitSpec.Resources(Map.of(), Map.of()) : container.resources();
        return new ContainerBuilder()
                .withName(container.name())
                .withImage(container.image())
                .withPorts(container.ports().stream().map(port -> new ContainerPortBuilder().withName(port.name())
                        .withContainerPort(port.containerPort()).withProtocol("TCP").build()).toList())
                .withEnv(env(container))
                .withNewResources()
                .withRequests(quantities(resources.requests(), extended))
                .withLimits(quantities(resources.limits(), extended))
                .endResources()
                .withVolumeMounts(mounts(container, main && spec.configMapName() != null))
                .build();
    }

    private static List<EnvVar> env(UnitSpec.Container container) {
        List<EnvVar> env = new ArrayList<>();
        container.env().forEach(variable -> env.add(new EnvVar(variable.name(), variable.value(), null)));
        env.add(new EnvVarBuilder().withName(POD_IP).withNewValueFrom().withNewFieldRef()
                .withFieldPath("status.podIP").endFieldRef().endValueFrom().build());
        return env;
    }

    private static Map<String, Quantity> quantities(Map<String, String> amounts, Map<String, String> extended) {
        Map<String, Quantity> quantities = new TreeMap<>();
        amounts.forEach((name, amount) -> quantities.put(name, new Quantity(amount)));
        extended.forEach((name, amount) -> quantities.put(name, new Quantity(amount)));
        return quantities;
    }

    private static List<VolumeMount> mounts(UnitSpec.Container container, boolean withConfig) {
        List<VolumeMount> mounts = new ArrayList<>();
        container.volumeMounts().forEach(mount -> mounts.add(new VolumeMountBuilder().withName(mount.name())
                .withMountPath(mount.mountPath()).build()));
        if (withConfig) {
            mounts.add(new VolumeMountBuilder().withName(UnitPodRenderer.CONFIG_VOLUME)
                    .withMountPath(UnitPodRenderer.CONFIG_MOUNT_PATH).withReadOnly(true).build());
        }
        return mounts;
    }
}
