package io.seamless.command.servicegroup;

import io.seamless.domain.common.Quantity;
import io.seamless.domain.servicegroup.PlannedUnit;
import io.seamless.domain.servicegroup.ServiceGroupEvent.OperationFailed;
import io.seamless.domain.servicegroup.ServiceGroupEvent.ResourcesChanged;
import io.seamless.domain.servicegroup.ServiceGroupEvent.ServiceGroupCreated;
import io.seamless.domain.servicegroup.ServiceGroupEvent.ServiceGroupDeleted;
import io.seamless.domain.servicegroup.ServiceGroupEvent.ServiceScaledIn;
import io.seamless.domain.servicegroup.ServiceGroupEvent.ServiceScaledOut;
import io.seamless.domain.servicegroup.ServiceGroupEvent.UnitAddressesAssigned;
import io.seamless.domain.servicegroup.ServiceGroupEvent.VolumeExpanded;
import io.seamless.domain.servicegroup.ServiceSpec;
import io.seamless.domain.servicegroup.UnitDemand;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The command side's own tables derived from service-group events, written in the transaction
 * that records them (a subscribing processor): which unit runs where and what it asks
 * ({@code cluster_unit}, read by placement and by cluster removal), the units of an operation
 * waiting for an address, and the addresses to give back (once the removed unit's Pod is gone, see
 * {@link UnitReleases}). The last two are the durable work list of the {@link AddressProvisioner}: a
 * crash between recording an event and acting on it loses nothing.
 */
@ProcessingGroup(ServiceGroupLedger.PROCESSING_GROUP)
class ServiceGroupLedger {

    static final String PROCESSING_GROUP = "servicegroup-ledger";

    private final JdbcClient jdbc;
    private final Runnable workAdded;

    ServiceGroupLedger(JdbcClient jdbc, Runnable workAdded) {
        this.jdbc = jdbc;
        this.workAdded = workAdded;
    }

    @EventHandler
    void on(ServiceGroupCreated event) {
        placed(event.group(), event.operationId(), event.services(), event.units());
    }

    /** New units ask what their service's units already ask (resources are per service). */
    @EventHandler
    void on(ServiceScaledOut event) {
        UnitDemand demand = jdbc.sql("SELECT cpu_millis, memory_bytes, storage_bytes, ip_pool FROM cluster_unit"
                        + " WHERE service_group = ? AND service = ? ORDER BY unit_id")
                .params(event.group(), event.service())
                .query((rs, row) -> new UnitDemand(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                .list().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("service " + event.service() + " of group "
                        + event.group() + " has no unit to take its demand from"));
        event.units().forEach(unit -> placed(event.group(), event.operationId(), unit, demand));
    }

    @EventHandler
    void on(UnitAddressesAssigned event) {
        jdbc.sql("DELETE FROM servicegroup_pending_address WHERE operation_id = ?").param(event.operationId()).update();
    }

    @EventHandler
    void on(OperationFailed event) {
        jdbc.sql("DELETE FROM cluster_unit WHERE unit_id IN (SELECT unit_id FROM servicegroup_pending_address"
                + " WHERE operation_id = ?)").param(event.operationId()).update();
        jdbc.sql("DELETE FROM servicegroup_pending_address WHERE operation_id = ?").param(event.operationId()).update();
    }

    @EventHandler
    void on(ServiceScaledIn event, @Timestamp Instant at) {
        released(event.removedUnits(), at);
    }

    @EventHandler
    void on(ServiceGroupDeleted event, @Timestamp Instant at) {
        released(event.releasedUnits(), at);
    }

    @EventHandler
    void on(ResourcesChanged event) {
        jdbc.sql("UPDATE cluster_unit SET cpu_millis = ?, memory_bytes = ? WHERE service_group = ? AND service = ?")
                .params(Quantity.cpuMillis(event.resources().cpu()),
                        Quantity.bytes(event.resources().memory()), event.group(),
                        event.service())
                .update();
    }

    @EventHandler
    void on(VolumeExpanded event) {
        jdbc.sql("UPDATE cluster_unit SET storage_bytes = ? WHERE service_group = ? AND service = ?")
                .params(Quantity.bytes(event.size()), event.group(), event.service())
                .update();
    }

    private void placed(String group, String operationId, Map<String, ServiceSpec> services, List<PlannedUnit> units) {
        units.forEach(unit -> placed(group, operationId, unit, UnitDemand.of(services.get(unit.service()))));
    }

    private void placed(String group, String operationId, PlannedUnit unit, UnitDemand demand) {
        jdbc.sql("INSERT INTO cluster_unit (cluster, unit_id, service_group, service, ip_pool, cpu_millis,"
                        + " memory_bytes, storage_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(unit.cluster(), unit.id(), group, unit.service(), demand.ipPool(), demand.cpuMillis(),
                        demand.memoryBytes(), demand.storageBytes())
                .update();
        jdbc.sql("INSERT INTO servicegroup_pending_address (operation_id, service_group, unit_id, ip_pool)"
                        + " VALUES (?, ?, ?, ?)")
                .params(operationId, group, unit.id(), demand.ipPool())
                .update();
        AfterCommit.run(workAdded);
    }

    /**
     * The removed units' addresses to give back, each with the cluster whose reactor reports its Unit gone. A report
     * recorded before now cannot be about this removal (the reactor only learns of it from the published events,
     * after this commit): it is about an earlier Unit object of the unit, deleted by hand and recreated, whose Pod
     * runs again. It is dropped, so that only a report of the removal releases the address. A unit without an
     * address (a deleted group's units can be) has nothing to give back and no release to wait for.
     */
    private void released(Map<String, String> units, Instant at) {
        Collection<String> ids = units.keySet();
        List<String> addressed = units.entrySet().stream().filter(unit -> unit.getValue() != null)
                .map(Map.Entry::getKey).toList();
        if (!addressed.isEmpty()) {
            jdbc.sql("DELETE FROM servicegroup_unit_released WHERE unit_id IN (:ids)").param("ids", addressed)
                    .update();
            jdbc.sql("INSERT INTO servicegroup_pending_release (unit_id, ip_pool, service_group, cluster,"
                            + " removed_at) SELECT unit_id, ip_pool, service_group, cluster, :at FROM cluster_unit"
                            + " WHERE unit_id IN (:ids)")
                    .param("ids", addressed).param("at", java.sql.Timestamp.from(at)).update();
            AfterCommit.run(workAdded);
        }
        if (!ids.isEmpty()) {
            jdbc.sql("DELETE FROM cluster_unit WHERE unit_id IN (:ids)").param("ids", ids).update();
        }
    }
}
