package io.seamless.domain.servicegroup;

import io.seamless.domain.engine.EngineTemplate;
import io.seamless.domain.engine.FunctionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which units a group has, before placement: one per replica (per shard for sharded types), in the
 * template's order, with ids that are never reused ({@code <group>-<service>[-<shard>]-<ordinal>}).
 * A pure function, so the Command API plans and the aggregate checks the same answer.
 */
public final class UnitPlan {

    private UnitPlan() {
    }

    /** The units of a new group (clusters not chosen yet: null). */
    public static List<PlannedUnit> forCreate(String group, EngineTemplate template, Map<String, ServiceSpec> services,
                                              int shards) {
        List<PlannedUnit> units = new ArrayList<>();
        for (FunctionType type : template.functionTypes()) {
            ServiceSpec spec = services.get(type.name());
            int replicas = spec == null ? 0 : spec.replicas();
            for (Integer shard : shardsOf(type, shards)) {
                for (int ordinal = 0; ordinal < replicas; ordinal++) {
                    units.add(new PlannedUnit(unitId(group, type.name(), shard, ordinal), type.name(), shard,
                            ordinal, null));
                }
            }
        }
        return units;
    }

    /**
     * The units added when a service grows to {@code replicas}: ordinals continue after the highest
     * ever used in each shard, so a new unit never takes the id (and history) of a removed one.
     */
    public static List<PlannedUnit> forScaleOut(String group, FunctionType type, int shards, int currentReplicas,
                                                int replicas, Map<Integer, Integer> nextOrdinalByShard) {
        List<PlannedUnit> units = new ArrayList<>();
        for (Integer shard : shardsOf(type, shards)) {
            int next = nextOrdinalByShard.getOrDefault(shard == null ? -1 : shard, currentReplicas);
            for (int added = 0; added < replicas - currentReplicas; added++) {
                int ordinal = next + added;
                units.add(new PlannedUnit(unitId(group, type.name(), shard, ordinal), type.name(), shard, ordinal,
                        null));
            }
        }
        return units;
    }

    public static String unitId(String group, String service, Integer shard, int ordinal) {
        return shard == null ? group + "-" + service + "-" + ordinal : group + "-" + service + "-" + shard + "-" + ordinal;
    }

    /** The same units without their clusters, to compare a placement with the plan. */
    static List<PlannedUnit> unplaced(List<PlannedUnit> units) {
        return units.stream().map(u -> new PlannedUnit(u.id(), u.service(), u.shard(), u.ordinal(), null)).toList();
    }

    private static List<Integer> shardsOf(FunctionType type, int shards) {
        List<Integer> result = new ArrayList<>();
        if (!type.perShard()) {
            result.add(null);
            return result;
        }
        for (int shard = 0; shard < shards; shard++) {
            result.add(shard);
        }
        return result;
    }
}
