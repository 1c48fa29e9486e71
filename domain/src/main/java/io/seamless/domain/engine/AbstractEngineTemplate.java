package io.seamless.domain.engine;

import io.seamless.domain.common.DomainException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What every template shares: its data (function types, versions, shards), the checks of a shape
 * and of an upgrade against that data, image names, and the rendering loop. A template adds only
 * {@link #renderUnit}: the files of one unit, computed from its peers.
 */
abstract class AbstractEngineTemplate implements EngineTemplate {

    private final String engine;
    private final String topology;
    private final Versions versions;
    private final ShardRule shards;
    private final boolean hasPrimary;
    private final List<FunctionType> functionTypes;

    protected AbstractEngineTemplate(String engine, String topology, Versions versions, ShardRule shards,
                                     boolean hasPrimary, List<FunctionType> functionTypes) {
        this.engine = engine;
        this.topology = topology;
        this.versions = versions;
        this.shards = shards;
        this.hasPrimary = hasPrimary;
        this.functionTypes = List.copyOf(functionTypes);
    }

    /** The files of one unit; the first takes the overrides of the unit's function type. */
    protected abstract UnitFiles renderUnit(UnitLayout unit, Peers peers);

    @Override
    public String engine() {
        return engine;
    }

    @Override
    public String topology() {
        return topology;
    }

    @Override
    public List<FunctionType> functionTypes() {
        return functionTypes;
    }

    @Override
    public ShardRule shards() {
        return shards;
    }

    @Override
    public boolean hasPrimary() {
        return hasPrimary;
    }

    @Override
    public void validate(GroupShape shape) {
        versions.requireSupported(label(), shape.version());
        new TreeSet<>(shape.replicas().keySet()).forEach(this::requireType);
        requireShards(shape.shards());
        functionTypes.forEach(type -> requireReplicas(type, shape.replicasOf(type)));
    }

    @Override
    public void validateUpgrade(String fromVersion, String toVersion) {
        versions.requireUpgrade(label(), fromVersion, toVersion);
    }

    @Override
    public String image(String functionType, String version) {
        FunctionType type = requireType(functionType);
        return type.image() + ":" + (type.imageTag() != null ? type.imageTag() : versions.tag(version));
    }

    @Override
    public Map<String, List<ConfigFile>> render(GroupLayout layout) {
        Peers peers = Peers.of(layout, functionTypes);
        Map<String, List<ConfigFile>> files = new LinkedHashMap<>();
        for (UnitLayout unit : peers.all()) {
            String header = "Rendered by Seamless for unit " + unit.id() + " of group " + layout.group()
                    + ": change the group's configuration, not this file";
            List<ConfigFile> unitFiles = renderUnit(unit, peers)
                    .toFiles(header, unit.service(), layout.overrides().getOrDefault(unit.service(), Map.of()));
            if (files.put(unit.id(), unitFiles) != null) {
                throw new IllegalArgumentException("unit id " + unit.id() + " appears twice in group " + layout.group());
            }
        }
        return Collections.unmodifiableMap(files);
    }

    protected String label() {
        return engine + " " + topology;
    }

    protected static DomainException unknownService(UnitLayout unit) {
        return new DomainException(EngineError.UNKNOWN_FUNCTION_TYPE, "unit " + unit.id() + " has service '"
                + unit.service() + "', which no renderer handles");
    }

    private FunctionType requireType(String name) {
        return functionType(name).orElseThrow(() -> new DomainException(EngineError.UNKNOWN_FUNCTION_TYPE, label()
                + " has no function type '" + name + "'; known: "
                + String.join(", ", functionTypes.stream().map(FunctionType::name).toList())));
    }

    private void requireShards(int asked) {
        if (shards.sharded() && !shards.allows(asked)) {
            throw new DomainException(EngineError.INVALID_SHARDS, label() + " needs from " + shards.min() + " to "
                    + shards.max() + " shards, got " + asked);
        }
        if (!shards.sharded() && asked != 0) {
            throw new DomainException(EngineError.INVALID_SHARDS, label() + " is not sharded: shards must be 0, got "
                    + asked);
        }
    }

    private void requireReplicas(FunctionType type, int asked) {
        if ((type.optional() && asked == 0) || type.replicas().allows(asked)) {
            return;
        }
        throw new DomainException(EngineError.INVALID_REPLICAS, type.name() + " needs " + type.replicas().describe()
                + " replicas" + (type.perShard() ? " per shard" : "") + ", got " + asked);
    }
}
