package io.seamless.reactors.desired;

import java.util.List;

/**
 * One unit of the group. {@code shard}, {@code site}, {@code zone}, {@code address}, {@code storage},
 * {@code networking} and {@code config} are null until known (see the schema); {@code config} null means "no
 * configuration rendered yet", which is not the same as an empty list.
 */
public record DesiredUnit(String id, String service, Integer shard, int ordinal, String cluster, String site,
                          String zone, String address, String image, List<Port> ports, Resources resources,
                          Storage storage, Networking networking, List<ConfigFile> config) {

    public DesiredUnit {
        ports = List.copyOf(ports);
        config = config == null ? null : List.copyOf(config);
    }

    /** A named port the unit listens on. */
    public record Port(String name, int port) {
    }

    /** Kubernetes quantities, as the group's service asks for them. */
    public record Resources(String cpu, String memory) {
    }

    /** The unit's volume; {@code storageClass} null means the cluster's default class. */
    public record Storage(String storageClass, String size) {
    }

    /**
     * How the pod is pinned to its address. {@code prefixLength} is the pool's (Multus {@code ips} need it); it is
     * optional in v1, so documents of an older writer lack it.
     */
    public record Networking(String mode, String network, String address, Integer prefixLength) {
    }

    /** One rendered configuration file and its whole content. */
    public record ConfigFile(String name, String content) {
    }
}
