package io.seamless.domain.engine;

import java.util.List;

/** Short spellings of the function types in the catalogue's templates. */
final class FunctionTypes {

    private FunctionTypes() {
    }

    static Port port(String name, int number) {
        return new Port(name, number);
    }

    /** A type with a volume (its data survives a restart), one set for the whole group. */
    static FunctionType stateful(String name, ReplicaRule rule, int defaults, String image, Port... ports) {
        return new FunctionType(name, List.of(ports), rule, defaults, image, null, false, false, true);
    }

    /** A type without a volume (routers, proxies). */
    static FunctionType stateless(String name, ReplicaRule rule, int defaults, String image, Port... ports) {
        return new FunctionType(name, List.of(ports), rule, defaults, image, null, false, false, false);
    }

    /** The same type with one set of replicas per shard. */
    static FunctionType perShard(FunctionType type) {
        return new FunctionType(type.name(), type.ports(), type.replicas(), type.defaultReplicas(), type.image(),
                type.imageTag(), true, type.optional(), type.stateful());
    }

    /** The same type, which a group may leave out; {@code defaults} is then what it suggests when asked for. */
    static FunctionType optional(FunctionType type) {
        return new FunctionType(type.name(), type.ports(), type.replicas(), type.defaultReplicas(), type.image(),
                type.imageTag(), type.perShard(), true, type.stateful());
    }

    /** The same type on an image tag of its own, released apart from the engine's version. */
    static FunctionType pinned(FunctionType type, String imageTag) {
        return new FunctionType(type.name(), type.ports(), type.replicas(), type.defaultReplicas(), type.image(),
                imageTag, type.perShard(), type.optional(), type.stateful());
    }
}
