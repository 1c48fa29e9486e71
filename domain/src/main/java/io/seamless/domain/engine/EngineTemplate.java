package io.seamless.domain.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One engine in one topology: its function types, the versions it runs, and how each unit's
 * configuration is rendered from its peers' addresses. Implementations are pure functions of
 * their arguments (no clock, no I/O) so aggregates and projections may call them freely.
 */
public interface EngineTemplate {

    /** e.g. {@code mysql}. */
    String engine();

    /** e.g. {@code innodb-cluster}. */
    String topology();

    /** In the order units are laid out and rendered. */
    List<FunctionType> functionTypes();

    default Optional<FunctionType> functionType(String name) {
        return functionTypes().stream().filter(type -> type.name().equals(name)).findFirst();
    }

    /** Shards allowed; {@link ShardRule#NONE} for unsharded topologies. */
    ShardRule shards();

    /** Whether {@code SwitchoverPrimary} makes sense (engines with a single writable primary). */
    boolean hasPrimary();

    /**
     * Refuses a shape this template cannot run, with an {@link EngineError}: unsupported version,
     * unknown or missing function type, replica count outside its rule, shard count outside the rule.
     */
    void validate(GroupShape shape);

    /** Refuses a version change this engine cannot make in place (unsupported target, major downgrade). */
    void validateUpgrade(String fromVersion, String toVersion);

    /** The container image of a function type at a group version, e.g. {@code mysql/mysql-server:8.0.36}. */
    String image(String functionType, String version);

    /** Every unit's configuration files, keyed by unit id, rendered from the layout. */
    Map<String, List<ConfigFile>> render(GroupLayout layout);
}
