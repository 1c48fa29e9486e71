package io.seamless.domain.servicegroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seamless.domain.common.DomainException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlacementTest {

    private static final long GI = 1L << 30;
    private static final UnitDemand SMALL = new UnitDemand(2_000, 8 * GI, 100 * GI, "orders-net");

    @Test
    void spreadsAReplicaSetOverSitesFirst() {
        List<PlannedUnit> placed = Placement.place(members(3), List.of(), Map.of("mysqld", SMALL), List.of(
                cluster("bj-1", "beijing", "a"), cluster("bj-2", "beijing", "b"), cluster("sh-1", "shanghai", "a")));
        assertThat(placed).extracting(PlannedUnit::cluster).containsExactlyInAnyOrder("bj-1", "bj-2", "sh-1");
        assertThat(placed.get(0).cluster()).isEqualTo("bj-1");
        assertThat(placed.get(1).cluster()).as("second member on another site").isEqualTo("sh-1");
    }

    @Test
    void prefersAnotherZoneOfTheSameSiteOverAClusterAlreadyUsedInThatZone() {
        List<PlannedUnit> placed = Placement.place(members(2), List.of(), Map.of("mysqld", SMALL), List.of(
                cluster("a-1", "beijing", "a"), cluster("a-2", "beijing", "a"), cluster("b-1", "beijing", "b")));
        assertThat(placed).extracting(PlannedUnit::cluster).containsExactly("a-1", "b-1");
    }

    @Test
    void neverUsesCordonedClustersClustersWithoutThePoolOrWithoutRoom() {
        ClusterCapacity cordoned = new ClusterCapacity("c-1", "s1", "a", true, Set.of("orders-net"), 64_000,
                256 * GI, 10_000 * GI);
        ClusterCapacity otherPool = new ClusterCapacity("c-2", "s2", "a", false, Set.of("other-net"), 64_000,
                256 * GI, 10_000 * GI);
        ClusterCapacity full = new ClusterCapacity("c-3", "s3", "a", false, Set.of("orders-net"), 1_000,
                256 * GI, 10_000 * GI);
        ClusterCapacity fine = cluster("c-4", "s4", "a");
        List<PlannedUnit> placed = Placement.place(members(3), List.of(), Map.of("mysqld", SMALL),
                List.of(cordoned, otherPool, full, fine));
        assertThat(placed).extracting(PlannedUnit::cluster).containsOnly("c-4");
    }

    @Test
    void spendsCapacityAsItPlacesAndRefusesWhatDoesNotFitWithTheReasonPerCluster() {
        ClusterCapacity roomForTwo = new ClusterCapacity("bj-1", "beijing", "a", false, Set.of("orders-net"), 4_000,
                256 * GI, 10_000 * GI);
        ClusterCapacity cordoned = new ClusterCapacity("bj-2", "beijing", "b", true, Set.of("orders-net"), 64_000,
                256 * GI, 10_000 * GI);
        assertThatThrownBy(() -> Placement.place(members(3), List.of(), Map.of("mysqld", SMALL),
                List.of(roomForTwo, cordoned)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ServiceGroupError.PLACEMENT_INFEASIBLE);
                    assertThat(e.getMessage()).contains("'orders-db-mysqld-2'", "bj-1: not enough free capacity",
                            "bj-2: cordoned");
                });
    }

    @Test
    void refusesWhenNoClusterIsRegistered() {
        assertThatThrownBy(() -> Placement.place(members(1), List.of(), Map.of("mysqld", SMALL), List.of()))
                .hasMessageContaining("no cluster is registered");
    }

    @Test
    void placesNewUnitsAwayFromTheSetsExistingMembers() {
        List<PlannedUnit> existing = List.of(new PlannedUnit("orders-db-mysqld-0", "mysqld", null, 0, "bj-1"),
                new PlannedUnit("orders-db-mysqld-1", "mysqld", null, 1, "bj-2"));
        List<PlannedUnit> added = List.of(new PlannedUnit("orders-db-mysqld-2", "mysqld", null, 2, null));
        List<PlannedUnit> placed = Placement.place(added, existing, Map.of("mysqld", SMALL), List.of(
                cluster("bj-1", "beijing", "a"), cluster("bj-2", "beijing", "b"), cluster("sh-1", "shanghai", "a")));
        assertThat(placed).extracting(PlannedUnit::cluster).containsExactly("sh-1");
    }

    private static List<PlannedUnit> members(int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new PlannedUnit("orders-db-mysqld-" + i, "mysqld", null, i, null)).toList();
    }

    private static ClusterCapacity cluster(String name, String site, String zone) {
        return new ClusterCapacity(name, site, zone, false, Set.of("orders-net"), 64_000, 256 * GI, 10_000 * GI);
    }
}
