package io.seamless.reactors.unit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a unit should run. {@code template} is pod-template-like but only what the controller needs, so the CRD's
 * schema stays structural and small. {@code stopped}: the controller deletes the Pod and keeps the PVCs (a stopped
 * group keeps its data and addresses). {@code configMapName} is null until the unit's configuration is rendered.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitSpec(String serviceGroup, String service, Integer shard, int ordinal, String mainContainerName,
                       Template template, List<VolumeClaim> volumeClaims, Networking networking,
                       String configMapName, boolean stopped) {

    public UnitSpec {
        volumeClaims = volumeClaims == null ? List.of() : List.copyOf(volumeClaims);
    }

    /** The Pod's annotations (e.g. the restart generation, so that a restart changes the Pod) and containers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Template(Map<String, String> annotations, List<Container> containers) {

        public Template {
            annotations = sorted(annotations);
            containers = containers == null ? List.of() : List.copyOf(containers);
        }
    }

    /** One container; resources are Kubernetes quantities by resource name. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Container(String name, String image, List<ContainerPort> ports, List<EnvVar> env,
                            Resources resources, List<VolumeMount> volumeMounts) {

        public Container {
            ports = ports == null ? List.of() : List.copyOf(ports);
            env = env == null ? List.of() : List.copyOf(env);
            volumeMounts = volumeMounts == null ? List.of() : List.copyOf(volumeMounts);
        }
    }

    public record ContainerPort(String name, int containerPort) {
    }

    public record EnvVar(String name, String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resources(Map<String, String> requests, Map<String, String> limits) {

        public Resources {
            requests = sorted(requests);
            limits = sorted(limits);
        }
    }

    public record VolumeMount(String name, String mountPath) {
    }

    /** A volume that outlives the Pod: the PVC is {@code <name>-<unit>}; a null class means the default one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VolumeClaim(String name, String storageClassName, String size) {
    }

    /**
     * How the Pod is pinned to its address (see {@code io.seamless.reactors.cni}); {@code type} is always
     * {@link #NETWORK_CLAIM}: the address is claimed from a Seamless IP pool, not left to the CNI's IPAM.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Networking(String mode, String network, String type, String address, Integer prefixLength) {

        public static final String NETWORK_CLAIM = "networkClaim";
    }

    /** Sorted, so that equal specs serialize to equal bytes (a {@code Map.copyOf} iterates in a per-JVM order). */
    private static Map<String, String> sorted(Map<String, String> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
