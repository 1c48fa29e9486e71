package io.seamless.command;

import static org.awaitility.Awaitility.await;

import io.seamless.command.dispatch.AuditMetadata;
import io.seamless.command.dispatch.CommandDispatcher;
import io.seamless.domain.servicegroup.PlannedUnit;
import io.seamless.domain.servicegroup.Resources;
import io.seamless.domain.servicegroup.ServiceGroupCommands;
import io.seamless.domain.servicegroup.ServiceSpec;
import io.seamless.domain.servicegroup.StorageSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Drives one service group through every operation with the domain's commands (placement given
 * by hand, on one cluster), waiting for the address provisioner where an operation needs it, so
 * that every service-group event type is recorded and published at least once.
 */
final class ServiceGroupContract {

    static final Set<String> ACTORS = Set.of("alice", "system:address-provisioner");
    static final List<String> EXPECTED_TYPES = List.of("ServiceGroupCreated.v1", "UnitAddressesAssigned.v1",
            "ServiceScaledOut.v1", "UnitAddressesAssigned.v1", "ServiceScaledIn.v1", "ResourcesChanged.v1",
            "VolumeExpanded.v1", "VersionUpgraded.v1", "ServicesRestarted.v1", "ServiceReconfigured.v1",
            "PrimarySwitchedOver.v1", "ServiceGroupStopped.v1", "ServiceGroupStarted.v1", "ObservationRecorded.v1",
            "StandbyPromoted.v1",
            "ServiceGroupDeleted.v1");

    private final CommandDispatcher dispatcher;
    private final AuditMetadata audit;
    private final String cluster;

    ServiceGroupContract(CommandDispatcher dispatcher, AuditMetadata audit, String cluster) {
        this.dispatcher = dispatcher;
        this.audit = audit;
        this.cluster = cluster;
    }

    void runEveryOperation(String group, String pool) {
        send(new ServiceGroupCommands.CreateServiceGroup(group, "op-1", "mysql", "8.0.36", "innodb-cluster", 0,
                services(pool, 3), units(group, 3, 0), "contract-primary-db"));
        awaitAccepted(new ServiceGroupCommands.ScaleOut(group, "op-2", "mysqld", 5, List.of(
                unit(group, "mysqld", 3), unit(group, "mysqld", 4))));
        awaitAccepted(new ServiceGroupCommands.ScaleIn(group, "op-3", "router", 1));
        send(new ServiceGroupCommands.ChangeResources(group, "op-4", "mysqld", new Resources("4", "16Gi")));
        send(new ServiceGroupCommands.ExpandVolume(group, "op-5", "mysqld", "200Gi"));
        send(new ServiceGroupCommands.UpgradeVersion(group, "op-6", "8.4.3"));
        send(new ServiceGroupCommands.Restart(group, "op-7", null));
        send(new ServiceGroupCommands.Reconfigure(group, "op-8", "mysqld", Map.of("max_connections", "2000")));
        send(new ServiceGroupCommands.SwitchoverPrimary(group, "op-9", group + "-mysqld-2"));
        send(new ServiceGroupCommands.StopServiceGroup(group, "op-10"));
        send(new ServiceGroupCommands.StartServiceGroup(group, "op-11"));
        send(new ServiceGroupCommands.RecordObservation(group, cluster, group + "-mysqld-0", "UNIT_READY", "PodReady",
                null, Instant.parse("2026-11-25T10:00:00Z")));
        send(new ServiceGroupCommands.PromoteStandby(group, "op-12"));
        send(new ServiceGroupCommands.DeleteServiceGroup(group, "op-13"));
    }

    /** A /30 has one free address after its gateway: the provisioner records the failure. */
    void failCreation(String group, String pool) {
        send(new ServiceGroupCommands.CreateServiceGroup(group, "op-1", "mysql", "8.0.36", "innodb-cluster", 0,
                services(pool, 3), units(group, 3, 0), null));
    }

    /** Sends a command that waits for addresses of the previous operation until that one is done. */
    private void awaitAccepted(Object command) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsMatching(e -> !(e instanceof AggregateNotFoundException))
                .until(() -> {
                    send(command);
                    return true;
                });
    }

    private void send(Object command) {
        dispatcher.send(command, audit);
    }

    private static Map<String, ServiceSpec> services(String pool, int members) {
        return Map.of("mysqld", new ServiceSpec(members, new Resources("2", "8Gi"), new StorageSpec(null, "100Gi"),
                Map.of(), pool), "router", new ServiceSpec(2, new Resources("1", "2Gi"), null, Map.of(), pool));
    }

    private List<PlannedUnit> units(String group, int members, int firstOrdinal) {
        List<PlannedUnit> units = new ArrayList<>();
        for (int i = firstOrdinal; i < members; i++) {
            units.add(unit(group, "mysqld", i));
        }
        units.add(unit(group, "router", 0));
        units.add(unit(group, "router", 1));
        return units;
    }

    private PlannedUnit unit(String group, String service, int ordinal) {
        return new PlannedUnit(group + "-" + service + "-" + ordinal, service, null, ordinal, cluster);
    }
}
