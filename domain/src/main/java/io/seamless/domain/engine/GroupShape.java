package io.seamless.domain.engine;

import java.util.Map;

/**
 * What a template validates: the version, the replicas asked for each function type (per shard
 * for sharded types; a type left out means its default, or none when optional) and the number of
 * shards (0 for unsharded topologies).
 */
public record GroupShape(String version, Map<String, Integer> replicas, int shards) {

    public GroupShape {
        replicas = Map.copyOf(replicas);
    }

    /** The replicas of a type in this shape: as asked, else its default, else none when optional. */
    public int replicasOf(FunctionType type) {
        Integer asked = replicas.get(type.name());
        if (asked != null) {
            return asked;
        }
        return type.optional() ? 0 : type.defaultReplicas();
    }
}
