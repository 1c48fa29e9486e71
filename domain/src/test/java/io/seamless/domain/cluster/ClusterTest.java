package io.seamless.domain.cluster;

import static org.hamcrest.Matchers.equalTo;

import io.seamless.domain.common.DomainException;
import io.seamless.domain.common.ErrorCode;
import io.seamless.domain.common.QuantityError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterTest {

    private static final Capacity CAPACITY = new Capacity("64", "256Gi", "10Ti");
    private static final ClusterRegistered BJ_1 = new ClusterRegistered("bj-1", "beijing", "a",
            Map.of("tier", "gold"), CAPACITY, List.of("orders-net"));

    private AggregateTestFixture<Cluster> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Cluster.class);
    }

    @Test
    void registersAClusterWithCanonicalCapacitySortedLabelsAndPools() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCluster("bj-1", "beijing", "a", Map.of("tier", "gold", "example.com/rack", "r-07"),
                        new Capacity("64000m", "262144Mi", "10240Gi"), List.of("orders-net", "billing-net", "orders-net")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ClusterRegistered("bj-1", "beijing", "a", Map.of("example.com/rack", "r-07",
                        "tier", "gold"), CAPACITY, List.of("billing-net", "orders-net")));
    }

    @Test
    void labelsAndPoolsAreOptionalAndStorageMayBeNone() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCluster("edge-1", "shanghai", "b", null, new Capacity("2.5", "8G", "0"), null))
                .expectEvents(new ClusterRegistered("edge-1", "shanghai", "b", Map.of(),
                        new Capacity("2500m", "8G", "0"), List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BJ-1", "bj_1", "-bj", "bj-", ""})
    void refusesANameThatIsNotADnsLabel(String name) {
        expectRefusal(List.of(), register(name, "beijing", "a", Map.of(), CAPACITY), ClusterError.INVALID_CLUSTER_NAME);
    }

    @Test
    void refusesANameLongerThan63() {
        expectRefusal(List.of(), register("c".repeat(64), "beijing", "a", Map.of(), CAPACITY),
                ClusterError.INVALID_CLUSTER_NAME);
    }

    @Test
    void refusesAMissingOrMalformedSiteOrZone() {
        expectRefusal(List.of(), register("bj-1", " ", "a", Map.of(), CAPACITY), ClusterError.INVALID_LOCATION);
        expectRefusal(List.of(), register("bj-1", null, "a", Map.of(), CAPACITY), ClusterError.INVALID_LOCATION);
        expectRefusal(List.of(), register("bj-1", "beijing", "", Map.of(), CAPACITY), ClusterError.INVALID_LOCATION);
        expectRefusal(List.of(), register("bj-1", "bei jing", "a", Map.of(), CAPACITY), ClusterError.INVALID_LOCATION);
        expectRefusal(List.of(), register("bj-1", "beijing", "zone/a", Map.of(), CAPACITY),
                ClusterError.INVALID_LOCATION);
    }

    @Test
    void acceptsLabelsKubernetesAccepts() {
        fixture.givenNoPriorActivity()
                .when(register("bj-1", "beijing", "a", Map.of("topology.example.com/rack", "R_07.a", "empty", "",
                        "Tier", "Gold"), CAPACITY))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-tier", "tier-", "ti er", "a/b/c", "/tier", "Example.com/tier", "example.com/",
        "tier\n"})
    void refusesALabelKeyKubernetesWouldRefuse(String key) {
        expectRefusal(List.of(), register("bj-1", "beijing", "a", Map.of(key, "gold"), CAPACITY),
                ClusterError.INVALID_LABEL);
    }

    @Test
    void refusesLabelNamesAndValuesOver63AndTooManyLabels() {
        expectRefusal(List.of(), register("bj-1", "beijing", "a", Map.of("t".repeat(64), "gold"), CAPACITY),
                ClusterError.INVALID_LABEL);
        expectRefusal(List.of(), register("bj-1", "beijing", "a", Map.of("tier", "g".repeat(64)), CAPACITY),
                ClusterError.INVALID_LABEL);
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 65; i++) {
            many.put("label-" + i, "x");
        }
        expectRefusal(List.of(), register("bj-1", "beijing", "a", many, CAPACITY), ClusterError.INVALID_LABEL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-gold", "gold-", "go ld", "gold/plated"})
    void refusesALabelValueKubernetesWouldRefuse(String value) {
        expectRefusal(List.of(), register("bj-1", "beijing", "a", Map.of("tier", value), CAPACITY),
                ClusterError.INVALID_LABEL);
    }

    @Test
    void refusesANullLabelValue() {
        Map<String, String> labels = new HashMap<>();
        labels.put("tier", null);
        expectRefusal(List.of(), register("bj-1", "beijing", "a", labels, CAPACITY), ClusterError.INVALID_LABEL);
    }

    @Test
    void refusesGarbageQuantitiesNamingTheField() {
        expectRefusal(List.of(), register("bj-1", "beijing", "a", Map.of(), new Capacity("64", "256GB", "10Ti")),
                QuantityError.INVALID_QUANTITY);
        fixture.givenNoPriorActivity()
                .when(register("bj-1", "beijing", "a", Map.of(), new Capacity("-4", "256Gi", "10Ti")))
                .expectNoEvents()
                .expectExceptionMessage("capacity.cpu: '-4' is not a CPU quantity: it cannot be negative");
    }

    @Test
    void refusesAClusterWithoutCpuOrMemoryOrWithoutCapacity() {
        expectRefusal(List.of(), register("bj-1", "beijing", "a", Map.of(), new Capacity("0", "256Gi", "10Ti")),
                ClusterError.INVALID_CAPACITY);
        expectRefusal(List.of(), register("bj-1", "beijing", "a", Map.of(), new Capacity("64", "0Gi", "10Ti")),
                ClusterError.INVALID_CAPACITY);
        expectRefusal(List.of(), register("bj-1", "beijing", "a", Map.of(), null), ClusterError.INVALID_CAPACITY);
    }

    @Test
    void refusesAnIpPoolThatCannotBeAPoolName() {
        expectRefusal(List.of(), new RegisterCluster("bj-1", "beijing", "a", Map.of(), CAPACITY, List.of("Orders_Net")),
                ClusterError.UNKNOWN_IP_POOL);
        expectRefusal(List.of(BJ_1), new UpdateClusterIpPools("bj-1", java.util.Arrays.asList("orders-net", null)),
                ClusterError.UNKNOWN_IP_POOL);
    }

    @Test
    void updatesTheCapacity() {
        fixture.given(BJ_1)
                .when(new UpdateClusterCapacity("bj-1", new Capacity("96", "384Gi", "10Ti")))
                .expectEvents(new ClusterCapacityUpdated("bj-1", new Capacity("96", "384Gi", "10Ti")))
                .expectResultMessagePayload(1L);
    }

    @Test
    void anUnchangedCapacityWrittenDifferentlyRecordsNothing() {
        fixture.given(BJ_1)
                .when(new UpdateClusterCapacity("bj-1", new Capacity("64000m", "0.25Ti", "10240Gi")))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void refusesABadCapacityUpdate() {
        expectRefusal(List.of(BJ_1), new UpdateClusterCapacity("bj-1", new Capacity("64", "256Gi", "lots")),
                QuantityError.INVALID_QUANTITY);
        expectRefusal(List.of(BJ_1), new UpdateClusterCapacity("bj-1", new Capacity("0m", "256Gi", "1Ti")),
                ClusterError.INVALID_CAPACITY);
    }

    @Test
    void updatesTheIpPoolsAsASet() {
        fixture.given(BJ_1)
                .when(new UpdateClusterIpPools("bj-1", List.of("search-net", "orders-net")))
                .expectEvents(new ClusterIpPoolsUpdated("bj-1", List.of("orders-net", "search-net")))
                .expectResultMessagePayload(1L);
        fixture.given(BJ_1)
                .when(new UpdateClusterIpPools("bj-1", List.of("orders-net", "orders-net")))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void cordonsOnceAndThenRecordsNothing() {
        fixture.given(BJ_1)
                .when(new CordonCluster("bj-1"))
                .expectEvents(new ClusterCordoned("bj-1"))
                .expectResultMessagePayload(1L);
        fixture.given(BJ_1, new ClusterCordoned("bj-1"))
                .when(new CordonCluster("bj-1"))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void uncordonsOnlyACordonedCluster() {
        fixture.given(BJ_1, new ClusterCordoned("bj-1"))
                .when(new UncordonCluster("bj-1"))
                .expectEvents(new ClusterUncordoned("bj-1"))
                .expectResultMessagePayload(2L);
        fixture.given(BJ_1)
                .when(new UncordonCluster("bj-1"))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
        fixture.given(BJ_1, new ClusterCordoned("bj-1"), new ClusterUncordoned("bj-1"))
                .when(new CordonCluster("bj-1"))
                .expectEvents(new ClusterCordoned("bj-1"));
    }

    @Test
    void removesACluster() {
        fixture.given(BJ_1, new ClusterCordoned("bj-1"))
                .when(new RemoveCluster("bj-1"))
                .expectEvents(new ClusterRemoved("bj-1"))
                .expectResultMessagePayload(2L)
                .expectMarkedDeleted();
    }

    private static RegisterCluster register(String name, String site, String zone, Map<String, String> labels,
                                            Capacity capacity) {
        return new RegisterCluster(name, site, zone, labels, capacity, List.of());
    }

    private static Matcher<DomainException> refusedWith(ErrorCode error) {
        return new FeatureMatcher<>(equalTo(error), "a refusal with error code", "error code") {
            @Override
            protected ErrorCode featureValueOf(DomainException actual) {
                return actual.errorCode();
            }
        };
    }

    private static void expectRefusal(List<?> given, Object command, ErrorCode error) {
        new AggregateTestFixture<>(Cluster.class).given(given)
                .when(command)
                .expectNoEvents()
                .expectException(refusedWith(error));
    }
}
