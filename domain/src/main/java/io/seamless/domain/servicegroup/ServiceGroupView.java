package io.seamless.domain.servicegroup;

import java.util.List;
import java.util.Map;

/**
 * A read-only picture of one group as its aggregate holds it, for the Command API to plan the
 * next operation (placement of new units needs the units and ordinals the group already has).
 */
public record ServiceGroupView(String name, String engine, String topology, String version, int shards,
                               GroupStatus status, Map<String, ServiceSpec> services, List<Unit> units,
                               Map<String, Map<Integer, Integer>> nextOrdinals, String pendingOperation,
                               String primary, String standbyOf) {

    public ServiceGroupView {
        services = Map.copyOf(services);
        units = List.copyOf(units);
        nextOrdinals = Map.copyOf(nextOrdinals);
    }

    public int replicas(String service) {
        ServiceSpec spec = services.get(service);
        return spec == null ? 0 : spec.replicas();
    }

    /** The units as placed (cluster known), to place new ones next to them. */
    public List<PlannedUnit> placedUnits() {
        return units.stream().map(u -> new PlannedUnit(u.id(), u.service(), u.shard(), u.ordinal(), u.cluster()))
                .toList();
    }

    public Map<Integer, Integer> nextOrdinals(String service) {
        return nextOrdinals.getOrDefault(service, Map.of());
    }
}
