package io.seamless.domain.servicegroup;

import io.seamless.domain.common.DomainException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Spreads units over clusters. Members of one replica set (same service and shard) go to different
 * sites where possible, else different zones, else different clusters; among equals, the cluster
 * holding fewest units of the group, then the most free memory, then the name (deterministic).
 * Cordoned clusters, clusters without the service's IP pool and clusters without room are never
 * chosen; when a unit fits nowhere the whole request is refused with the reason per cluster.
 */
public final class Placement {

    private final Map<String, ClusterCapacity> clusters = new LinkedHashMap<>();
    private final List<PlannedUnit> placed = new ArrayList<>();

    private Placement(List<ClusterCapacity> clusters) {
        clusters.stream().sorted(Comparator.comparing(ClusterCapacity::name))
                .forEach(cluster -> this.clusters.put(cluster.name(), cluster));
    }

    /**
     * Places {@code units} (clusters null) next to the group's {@code existing} units, each unit
     * asking what its service's {@code demands} entry says.
     */
    public static List<PlannedUnit> place(List<PlannedUnit> units, List<PlannedUnit> existing,
                                          Map<String, UnitDemand> demands, List<ClusterCapacity> clusters) {
        Placement placement = new Placement(clusters);
        placement.placed.addAll(existing);
        List<PlannedUnit> result = new ArrayList<>();
        for (PlannedUnit unit : units) {
            PlannedUnit chosen = placement.placeOne(unit, demands.get(unit.service()));
            result.add(chosen);
        }
        return result;
    }

    private PlannedUnit placeOne(PlannedUnit unit, UnitDemand demand) {
        ClusterCapacity best = clusters.values().stream()
                .filter(cluster -> whyNot(cluster, demand).isEmpty())
                .min(Comparator.comparingInt((ClusterCapacity c) -> sameSetOnSite(unit, c))
                        .thenComparingInt(c -> sameSetInZone(unit, c))
                        .thenComparingInt(c -> sameSetOnCluster(unit, c))
                        .thenComparingInt(this::unitsOn)
                        .thenComparing(Comparator.comparingLong(ClusterCapacity::freeMemoryBytes).reversed()))
                .orElseThrow(() -> infeasible(unit, demand));
        clusters.put(best.name(), best.minus(demand));
        PlannedUnit chosen = new PlannedUnit(unit.id(), unit.service(), unit.shard(), unit.ordinal(), best.name());
        placed.add(chosen);
        return chosen;
    }

    private Optional<String> whyNot(ClusterCapacity cluster, UnitDemand demand) {
        if (cluster.cordoned()) {
            return Optional.of("cordoned");
        }
        if (!cluster.ipPools().contains(demand.ipPool())) {
            return Optional.of("IP pool '" + demand.ipPool() + "' not usable there");
        }
        if (!cluster.fits(demand)) {
            return Optional.of("not enough free capacity");
        }
        return Optional.empty();
    }

    private DomainException infeasible(PlannedUnit unit, UnitDemand demand) {
        String reasons = clusters.values().stream()
                .map(cluster -> cluster.name() + ": " + whyNot(cluster, demand).orElse("?"))
                .collect(Collectors.joining("; "));
        return new DomainException(ServiceGroupError.PLACEMENT_INFEASIBLE, "no cluster can run unit '" + unit.id()
                + "' (" + demand.cpuMillis() + "m CPU, " + demand.memoryBytes() + " bytes memory, "
                + demand.storageBytes() + " bytes storage, IP pool '" + demand.ipPool() + "'): "
                + (reasons.isEmpty() ? "no cluster is registered" : reasons));
    }

    private int sameSetOnSite(PlannedUnit unit, ClusterCapacity cluster) {
        return (int) sameSet(unit).filter(other -> site(other).equals(cluster.site())).count();
    }

    private int sameSetInZone(PlannedUnit unit, ClusterCapacity cluster) {
        return (int) sameSet(unit).filter(other -> site(other).equals(cluster.site())
                && zone(other).equals(cluster.zone())).count();
    }

    private int sameSetOnCluster(PlannedUnit unit, ClusterCapacity cluster) {
        return (int) sameSet(unit).filter(other -> cluster.name().equals(other.cluster())).count();
    }

    private int unitsOn(ClusterCapacity cluster) {
        return (int) placed.stream().filter(other -> cluster.name().equals(other.cluster())).count();
    }

    private Stream<PlannedUnit> sameSet(PlannedUnit unit) {
        return placed.stream().filter(other -> other.service().equals(unit.service())
                && Objects.equals(other.shard(), unit.shard()));
    }

    private String site(PlannedUnit unit) {
        ClusterCapacity cluster = clusters.get(unit.cluster());
        return cluster == null ? "" : cluster.site();
    }

    private String zone(PlannedUnit unit) {
        ClusterCapacity cluster = clusters.get(unit.cluster());
        return cluster == null ? "" : cluster.zone();
    }
}
