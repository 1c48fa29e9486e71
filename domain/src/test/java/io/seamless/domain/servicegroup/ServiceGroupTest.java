package io.seamless.domain.servicegroup;

import static org.hamcrest.Matchers.equalTo;

import io.seamless.domain.common.DomainException;
import io.seamless.domain.common.ErrorCode;
import io.seamless.domain.engine.EngineError;
import io.seamless.domain.servicegroup.ServiceGroupCommands.AssignUnitAddresses;
import io.seamless.domain.servicegroup.ServiceGroupCommands.ChangeResources;
import io.seamless.domain.servicegroup.ServiceGroupCommands.CreateServiceGroup;
import io.seamless.domain.servicegroup.ServiceGroupCommands.DeleteServiceGroup;
import io.seamless.domain.servicegroup.ServiceGroupCommands.ExpandVolume;
import io.seamless.domain.servicegroup.ServiceGroupCommands.FailOperation;
import io.seamless.domain.servicegroup.ServiceGroupCommands.PromoteStandby;
import io.seamless.domain.servicegroup.ServiceGroupCommands.Reconfigure;
import io.seamless.domain.servicegroup.ServiceGroupCommands.Restart;
import io.seamless.domain.servicegroup.ServiceGroupCommands.ScaleIn;
import io.seamless.domain.servicegroup.ServiceGroupCommands.ScaleOut;
import io.seamless.domain.servicegroup.ServiceGroupCommands.StartServiceGroup;
import io.seamless.domain.servicegroup.ServiceGroupCommands.StopServiceGroup;
import io.seamless.domain.servicegroup.ServiceGroupCommands.SwitchoverPrimary;
import io.seamless.domain.servicegroup.ServiceGroupCommands.UpgradeVersion;
import io.seamless.domain.servicegroup.ServiceGroupEvent.OperationFailed;
import io.seamless.domain.servicegroup.ServiceGroupEvent.PrimarySwitchedOver;
import io.seamless.domain.servicegroup.ServiceGroupEvent.ResourcesChanged;
import io.seamless.domain.servicegroup.ServiceGroupEvent.ServiceGroupCreated;
import io.seamless.domain.servicegroup.ServiceGroupEvent.ServiceGroupDeleted;
import io.seamless.domain.servicegroup.ServiceGroupEvent.ServiceGroupStarted;
import io.seamless.domain.servicegroup.ServiceGroupEvent.ServiceGroupStopped;
import io.seamless.domain.servicegroup.ServiceGroupEvent.ServiceReconfigured;
import io.seamless.domain.servicegroup.ServiceGroupEvent.ServiceScaledIn;
import io.seamless.domain.servicegroup.ServiceGroupEvent.ServiceScaledOut;
import io.seamless.domain.servicegroup.ServiceGroupEvent.ServicesRestarted;
import io.seamless.domain.servicegroup.ServiceGroupEvent.StandbyPromoted;
import io.seamless.domain.servicegroup.ServiceGroupEvent.UnitAddressesAssigned;
import io.seamless.domain.servicegroup.ServiceGroupEvent.VersionUpgraded;
import io.seamless.domain.servicegroup.ServiceGroupEvent.VolumeExpanded;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceGroupTest {

    private static final String GROUP = "orders-db";
    private static final String CREATE = "op-create";
    private static final ServiceSpec MYSQLD = new ServiceSpec(3, new Resources("2", "8Gi"),
            new StorageSpec(null, "100Gi"), Map.of(), "orders-net");
    private static final ServiceSpec ROUTER = new ServiceSpec(2, new Resources("1", "2Gi"), null, Map.of(),
            "orders-net");
    private static final Map<String, ServiceSpec> SERVICES = Map.of("mysqld", MYSQLD, "router", ROUTER);

    private AggregateTestFixture<ServiceGroup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ServiceGroup.class);
    }

    @Test
    void createsAGroupWithTheTemplatesUnitsPlaced() {
        fixture.givenNoPriorActivity()
                .when(create(placed(3, 2)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created());
    }

    @Test
    void fillsLeftOutServicesWithTheirDefaultsAndCanonicalQuantities() {
        Map<String, ServiceSpec> asked = Map.of("mysqld", new ServiceSpec(3, new Resources("2000m", "8192Mi"),
                new StorageSpec("fast", "102400Mi"), Map.of(), "orders-net"));
        Map<String, ServiceSpec> normalized = ServiceSpecs.normalized(ServiceGroup.CATALOGUE.template("mysql",
                "innodb-cluster"), "8.0.36", asked, 0);
        org.assertj.core.api.Assertions.assertThat(normalized.get("mysqld"))
                .isEqualTo(new ServiceSpec(3, new Resources("2", "8Gi"), new StorageSpec("fast", "100Gi"), Map.of(),
                        "orders-net"));
        org.assertj.core.api.Assertions.assertThat(normalized.get("router").ipPool()).isEqualTo("orders-net");
        org.assertj.core.api.Assertions.assertThat(normalized.get("router").replicas()).isPositive();
    }

    @Test
    void refusesAnEvenNumberOfGroupReplicationMembers() {
        Map<String, ServiceSpec> four = Map.of("mysqld", MYSQLD.withReplicas(4), "router", ROUTER);
        expectRefusal(null, new CreateServiceGroup(GROUP, CREATE, "mysql", "8.0.36", "innodb-cluster", 0, four,
                List.of(), null), EngineError.INVALID_REPLICAS);
    }

    @Test
    void refusesAnUnknownEngineTopologyServiceAndVersion() {
        expectRefusal(null, new CreateServiceGroup(GROUP, CREATE, "db2", "11.5", "hadr", 0, SERVICES, List.of(),
                null), EngineError.UNKNOWN_ENGINE);
        expectRefusal(null, new CreateServiceGroup(GROUP, CREATE, "mysql", "8.0.36", "galera", 0, SERVICES,
                List.of(), null), EngineError.UNKNOWN_TOPOLOGY);
        expectRefusal(null, new CreateServiceGroup(GROUP, CREATE, "mysql", "8.0.36", "innodb-cluster", 0,
                Map.of("mysqld", MYSQLD, "proxysql", ROUTER), List.of(), null), ServiceGroupError.UNKNOWN_SERVICE);
        expectRefusal(null, new CreateServiceGroup(GROUP, CREATE, "mysql", "5.1.0", "innodb-cluster", 0, SERVICES,
                placed(3, 2), null), EngineError.UNSUPPORTED_VERSION);
    }

    @Test
    void refusesAPlacementThatIsNotTheGroupsPlan() {
        List<PlannedUnit> missingOne = placed(3, 2).subList(0, 4);
        expectRefusal(null, create(missingOne), ServiceGroupError.PLACEMENT_MISMATCH);
        List<PlannedUnit> unplaced = UnitPlan.unplaced(placed(3, 2));
        expectRefusal(null, create(unplaced), ServiceGroupError.PLACEMENT_MISMATCH);
    }

    @Test
    void assignsAddressesOnceAndAnswersARepeatWithoutRecording() {
        fixture.given(created())
                .when(new AssignUnitAddresses(GROUP, CREATE, addresses(3, 2)))
                .expectEvents(new UnitAddressesAssigned(GROUP, CREATE, addresses(3, 2)));
        fixture.given(created(), assigned())
                .when(new AssignUnitAddresses(GROUP, CREATE, addresses(3, 2)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void refusesAddressesForOnlySomeOfTheWaitingUnits() {
        Map<String, String> partial = new LinkedHashMap<>(addresses(3, 2));
        partial.remove("orders-db-router-1");
        expectRefusal(List.of(created()), new AssignUnitAddresses(GROUP, CREATE, partial),
                ServiceGroupError.PLACEMENT_MISMATCH);
    }

    @Test
    void aFailedCreationLeavesAFailedGroupThatRefusesOperationsButCanBeDeleted() {
        fixture.given(created())
                .when(new FailOperation(GROUP, CREATE, "IP pool 'orders-net' exhausted"))
                .expectEvents(new OperationFailed(GROUP, CREATE, "IP pool 'orders-net' exhausted"));
        expectRefusal(List.of(created(), new OperationFailed(GROUP, CREATE, "x")),
                new Restart(GROUP, "op-2", null), ServiceGroupError.INVALID_STATE);
        fixture.given(created(), new OperationFailed(GROUP, CREATE, "x"))
                .when(new DeleteServiceGroup(GROUP, "op-3"))
                .expectEvents(new ServiceGroupDeleted(GROUP, "op-3", unitsWithoutAddresses()));
    }

    @Test
    void refusesOperationsWhileAddressesArePendingAndDeleteToo() {
        expectRefusal(List.of(created()), new Restart(GROUP, "op-2", null), ServiceGroupError.OPERATION_IN_PROGRESS);
        expectRefusal(List.of(created()), new DeleteServiceGroup(GROUP, "op-2"),
                ServiceGroupError.OPERATION_IN_PROGRESS);
    }

    @Test
    void scalesOutWithNewOrdinalsThenWaitsForTheirAddresses() {
        List<PlannedUnit> added = List.of(new PlannedUnit("orders-db-mysqld-3", "mysqld", null, 3, "bj-1"),
                new PlannedUnit("orders-db-mysqld-4", "mysqld", null, 4, "sh-1"));
        fixture.given(created(), assigned())
                .when(new ScaleOut(GROUP, "op-2", "mysqld", 5, added))
                .expectEvents(new ServiceScaledOut(GROUP, "op-2", "mysqld", 5, added));
        expectRefusal(List.of(created(), assigned()), new ScaleOut(GROUP, "op-2", "mysqld", 4, added.subList(0, 1)),
                EngineError.INVALID_REPLICAS);
        expectRefusal(List.of(created(), assigned()), new ScaleOut(GROUP, "op-2", "mysqld", 5, added.subList(0, 1)),
                ServiceGroupError.PLACEMENT_MISMATCH);
    }

    @Test
    void aFailedScaleOutDropsTheUnitsThatGotNoAddress() {
        List<PlannedUnit> added = List.of(new PlannedUnit("orders-db-router-2", "router", null, 2, "bj-1"));
        fixture.given(created(), assigned(), new ServiceScaledOut(GROUP, "op-2", "router", 3, added),
                        new OperationFailed(GROUP, "op-2", "exhausted"))
                .when(new ScaleIn(GROUP, "op-3", "router", 1))
                .expectEvents(new ServiceScaledIn(GROUP, "op-3", "router", 1,
                        Map.of("orders-db-router-1", "10.20.0.14")));
    }

    @Test
    void scalesInTheNewestUnitsAndHandsTheirAddressesBack() {
        fixture.given(created(), assigned())
                .when(new ScaleIn(GROUP, "op-2", "router", 1))
                .expectEvents(new ServiceScaledIn(GROUP, "op-2", "router", 1,
                        Map.of("orders-db-router-1", "10.20.0.14")));
        expectRefusal(List.of(created(), assigned()), new ScaleIn(GROUP, "op-2", "mysqld", 2),
                EngineError.INVALID_REPLICAS);
        expectRefusal(List.of(created(), assigned()), new ScaleIn(GROUP, "op-2", "router", 2),
                ServiceGroupError.INVALID_SERVICE_SPEC);
    }

    @Test
    void changesResourcesInCanonicalFormAndRecordsNothingWhenUnchanged() {
        fixture.given(created(), assigned())
                .when(new ChangeResources(GROUP, "op-2", "mysqld", new Resources("4000m", "16Gi")))
                .expectEvents(new ResourcesChanged(GROUP, "op-2", "mysqld", new Resources("4", "16Gi")));
        fixture.given(created(), assigned())
                .when(new ChangeResources(GROUP, "op-2", "mysqld", new Resources("2", "8192Mi")))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aResourceLeftOutKeepsItsValue() {
        fixture.given(created(), assigned())
                .when(new ChangeResources(GROUP, "op-2", "mysqld", new Resources(null, "32Gi")))
                .expectEvents(new ResourcesChanged(GROUP, "op-2", "mysqld", new Resources("2", "32Gi")));
    }

    @Test
    void expandsVolumesButNeverShrinksThem() {
        fixture.given(created(), assigned())
                .when(new ExpandVolume(GROUP, "op-2", "mysqld", "200Gi"))
                .expectEvents(new VolumeExpanded(GROUP, "op-2", "mysqld", "200Gi"));
        expectRefusal(List.of(created(), assigned()), new ExpandVolume(GROUP, "op-2", "mysqld", "50Gi"),
                ServiceGroupError.VOLUME_SHRINK);
        expectRefusal(List.of(created(), assigned()), new ExpandVolume(GROUP, "op-2", "router", "50Gi"),
                ServiceGroupError.INVALID_SERVICE_SPEC);
    }

    @Test
    void upgradesButRefusesAMajorDowngrade() {
        fixture.given(created(), assigned())
                .when(new UpgradeVersion(GROUP, "op-2", "8.4.3"))
                .expectEvents(new VersionUpgraded(GROUP, "op-2", "8.0.36", "8.4.3"));
        expectRefusal(List.of(created(), assigned(), new VersionUpgraded(GROUP, "op-2", "8.0.36", "8.4.3")),
                new UpgradeVersion(GROUP, "op-3", "8.0.36"), EngineError.VERSION_DOWNGRADE);
    }

    @Test
    void restartsBumpTheGeneration() {
        fixture.given(created(), assigned(),
                        new ServicesRestarted(GROUP, "op-2", List.of("mysqld", "router"), 1))
                .when(new Restart(GROUP, "op-3", "router"))
                .expectEvents(new ServicesRestarted(GROUP, "op-3", List.of("router"), 2));
        expectRefusal(List.of(created(), assigned()), new Restart(GROUP, "op-3", "proxysql"),
                ServiceGroupError.UNKNOWN_SERVICE);
    }

    @Test
    void reconfiguresOnlyWhatChanges() {
        fixture.given(created(), assigned())
                .when(new Reconfigure(GROUP, "op-2", "mysqld", Map.of("max_connections", "2000")))
                .expectEvents(new ServiceReconfigured(GROUP, "op-2", "mysqld", Map.of("max_connections", "2000")));
        fixture.given(created(), assigned(),
                        new ServiceReconfigured(GROUP, "op-2", "mysqld", Map.of("max_connections", "2000")))
                .when(new Reconfigure(GROUP, "op-3", "mysqld", Map.of("max_connections", "2000")))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void switchesThePrimaryOverToAnotherMember() {
        fixture.given(created(), assigned())
                .when(new SwitchoverPrimary(GROUP, "op-2", "orders-db-mysqld-2"))
                .expectEvents(new PrimarySwitchedOver(GROUP, "op-2", "orders-db-mysqld-0", "orders-db-mysqld-2"));
        expectRefusal(List.of(created(), assigned()), new SwitchoverPrimary(GROUP, "op-2", "orders-db-router-0"),
                ServiceGroupError.UNKNOWN_UNIT);
    }

    @Test
    void stopsAndStartsIdempotently() {
        fixture.given(created(), assigned())
                .when(new StopServiceGroup(GROUP, "op-2"))
                .expectEvents(new ServiceGroupStopped(GROUP, "op-2"));
        fixture.given(created(), assigned(), new ServiceGroupStopped(GROUP, "op-2"))
                .when(new StopServiceGroup(GROUP, "op-3")).expectNoEvents();
        fixture.given(created(), assigned(), new ServiceGroupStopped(GROUP, "op-2"))
                .when(new StartServiceGroup(GROUP, "op-3"))
                .expectEvents(new ServiceGroupStarted(GROUP, "op-3"));
        expectRefusal(List.of(created(), assigned(), new ServiceGroupStopped(GROUP, "op-2")),
                new Restart(GROUP, "op-3", null), ServiceGroupError.INVALID_STATE);
    }

    @Test
    void promotesOnlyAStandby() {
        ServiceGroupCreated standby = new ServiceGroupCreated(GROUP, CREATE, "mysql", "8.0.36", "innodb-cluster", 0,
                normalizedServices(), placed(3, 2), "orders-db-bj");
        fixture.given(standby, assigned())
                .when(new PromoteStandby(GROUP, "op-2"))
                .expectEvents(new StandbyPromoted(GROUP, "op-2", "orders-db-bj"));
        expectRefusal(List.of(created(), assigned()), new PromoteStandby(GROUP, "op-2"),
                ServiceGroupError.NOT_A_STANDBY);
    }

    @Test
    void deletesAndHandsEveryAddressBack() {
        fixture.given(created(), assigned())
                .when(new DeleteServiceGroup(GROUP, "op-2"))
                .expectEvents(new ServiceGroupDeleted(GROUP, "op-2", addresses(3, 2)))
                .expectMarkedDeleted();
    }

    // ---- fixtures

    private static CreateServiceGroup create(List<PlannedUnit> units) {
        return new CreateServiceGroup(GROUP, CREATE, "mysql", "8.0.36", "innodb-cluster", 0, SERVICES, units, null);
    }

    private static ServiceGroupCreated created() {
        return new ServiceGroupCreated(GROUP, CREATE, "mysql", "8.0.36", "innodb-cluster", 0, normalizedServices(),
                placed(3, 2), null);
    }

    private static Map<String, ServiceSpec> normalizedServices() {
        return ServiceSpecs.normalized(ServiceGroup.CATALOGUE.template("mysql", "innodb-cluster"), "8.0.36",
                SERVICES, 0);
    }

    private static UnitAddressesAssigned assigned() {
        return new UnitAddressesAssigned(GROUP, CREATE, addresses(3, 2));
    }

    private static List<PlannedUnit> placed(int mysqld, int routers) {
        String[] clusters = {"bj-1", "bj-2", "sh-1"};
        List<PlannedUnit> units = new java.util.ArrayList<>();
        for (int i = 0; i < mysqld; i++) {
            units.add(new PlannedUnit(GROUP + "-mysqld-" + i, "mysqld", null, i, clusters[i % 3]));
        }
        for (int i = 0; i < routers; i++) {
            units.add(new PlannedUnit(GROUP + "-router-" + i, "router", null, i, clusters[i % 3]));
        }
        return units;
    }

    /** mysqld-i at 10.20.0.(10+i), router-i at 10.20.0.(13+i). */
    private static Map<String, String> addresses(int mysqld, int routers) {
        Map<String, String> addresses = new LinkedHashMap<>();
        for (int i = 0; i < mysqld; i++) {
            addresses.put(GROUP + "-mysqld-" + i, "10.20.0." + (10 + i));
        }
        for (int i = 0; i < routers; i++) {
            addresses.put(GROUP + "-router-" + i, "10.20.0." + (10 + mysqld + i));
        }
        return addresses;
    }

    private static Map<String, String> unitsWithoutAddresses() {
        Map<String, String> units = new LinkedHashMap<>();
        addresses(3, 2).keySet().forEach(unit -> units.put(unit, null));
        return units;
    }

    private void expectRefusal(List<Object> given, Object command, ErrorCode code) {
        (given == null ? fixture.givenNoPriorActivity() : fixture.given(given))
                .when(command)
                .expectException(DomainException.class)
                .expectException(errorCode(code))
                .expectNoEvents();
    }

    private static Matcher<DomainException> errorCode(ErrorCode code) {
        return new FeatureMatcher<>(equalTo(code), "error code", "errorCode") {
            @Override
            protected ErrorCode featureValueOf(DomainException actual) {
                return actual.errorCode();
            }
        };
    }
}
