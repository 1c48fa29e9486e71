package io.seamless.reactors.render;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.seamless.reactors.desired.DesiredState;
import io.seamless.reactors.desired.DesiredUnit;
import io.seamless.reactors.desired.InvalidDesiredStateException;
import io.seamless.reactors.unit.SeamlessLabels;
import io.seamless.reactors.unit.Unit;
import io.seamless.reactors.unit.UnitSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One desired unit to its Unit resource. The main container is named after the function type; CPU and memory are
 * both request and limit (a database wants the Guaranteed QoS class); the volume is the claim {@code data}, mounted
 * at {@link #DATA_MOUNT_PATH}; the group's restart generation is a Pod annotation, so that a restart changes the Pod.
 */
final class UnitRenderer {

    /** Where the main container finds its volume; engine images are pointed at it by their configuration. */
    static final String DATA_MOUNT_PATH = "/var/lib/seamless/data";
    static final String DATA_CLAIM = "data";
    static final String RESTART_GENERATION = "seamless.io/restart-generation";

    private final Set<String> cniModes;

    UnitRenderer(Set<String> cniModes) {
        this.cniModes = Set.copyOf(cniModes);
    }

    /** {@code path} is the unit's JSON path in the document, for the errors. */
    Unit render(DesiredState group, DesiredUnit unit, String path, String namespace) {
        String name = Names.unit(unit.id());
        UnitSpec spec = new UnitSpec(group.name(), unit.service(), unit.shard(), unit.ordinal(), unit.service(),
                new UnitSpec.Template(Map.of(RESTART_GENERATION, Long.toString(group.restartGeneration())),
                        List.of(container(group, unit, name))),
                unit.storage() == null ? List.of()
                        : List.of(new UnitSpec.VolumeClaim(DATA_CLAIM, unit.storage().storageClass(),
                                unit.storage().size())),
                networking(unit, path), unit.config() == null ? null : Names.configMap(name), group.stopped());
        return Unit.of(new ObjectMetaBuilder().withName(name).withNamespace(namespace)
                .withLabels(SeamlessLabels.unit(group.engine(), group.name(), unit.service(), name)).build(), spec);
    }

    private static UnitSpec.Container container(DesiredState group, DesiredUnit unit, String name) {
        Map<String, String> amounts = Map.of("cpu", unit.resources().cpu(), "memory", unit.resources().memory());
        List<UnitSpec.VolumeMount> mounts = new ArrayList<>();
        if (unit.storage() != null) {
            mounts.add(new UnitSpec.VolumeMount(DATA_CLAIM, DATA_MOUNT_PATH));
        }
        return new UnitSpec.Container(unit.service(), unit.image(),
                unit.ports().stream().map(port -> new UnitSpec.ContainerPort(port.name(), port.port())).toList(),
                List.of(new UnitSpec.EnvVar("SEAMLESS_SERVICE_GROUP", group.name()),
                        new UnitSpec.EnvVar("SEAMLESS_UNIT", name)),
                new UnitSpec.Resources(amounts, amounts), mounts);
    }

    private UnitSpec.Networking networking(DesiredUnit unit, String path) {
        DesiredUnit.Networking networking = unit.networking();
        if (networking == null) {
            return null;
        }
        if (!cniModes.contains(networking.mode())) {
            throw new InvalidDesiredStateException(path + ".networking.mode", "CNI mode '" + networking.mode()
                    + "' is not one this reactor can pin an address with; known: " + cniModes);
        }
        String address = unit.address() != null ? unit.address() : networking.address();
        return new UnitSpec.Networking(networking.mode(), networking.network(), UnitSpec.Networking.NETWORK_CLAIM,
                address, networking.prefixLength());
    }
}
