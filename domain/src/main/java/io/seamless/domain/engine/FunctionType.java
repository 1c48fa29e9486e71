package io.seamless.domain.engine;

import java.util.List;

/**
 * One kind of service in a topology (DBScale's "function type"): {@code mysqld}, {@code router},
 * {@code sentinel}, {@code tikv}... {@code image} is the repository without tag (the tag is the
 * group's version unless {@code imageTag} pins one, e.g. a proxy released on its own cadence).
 * {@code perShard}: one set of replicas per shard. {@code optional}: a group may leave it out
 * (replicas 0). {@code stateful}: has a volume.
 */
public record FunctionType(String name, List<Port> ports, ReplicaRule replicas, int defaultReplicas, String image,
                           String imageTag, boolean perShard, boolean optional, boolean stateful) {

    public FunctionType {
        ports = List.copyOf(ports);
    }

    public Port port(String portName) {
        return ports.stream().filter(port -> port.name().equals(portName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no port " + portName));
    }
}
