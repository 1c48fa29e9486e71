package io.seamless.projections.servicegroup;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.seamless.projections.servicegroup.ServiceGroupEvents.GroupEvent;
import io.seamless.projections.servicegroup.ServiceGroupEvents.ObservationRecorded;
import io.seamless.projections.servicegroup.ServiceGroupEvents.OperationFailed;
import io.seamless.projections.servicegroup.ServiceGroupEvents.PlannedUnit;
import io.seamless.projections.servicegroup.ServiceGroupEvents.PrimarySwitchedOver;
import io.seamless.projections.servicegroup.ServiceGroupEvents.ResourcesChanged;
import io.seamless.projections.servicegroup.ServiceGroupEvents.ServiceGroupCreated;
import io.seamless.projections.servicegroup.ServiceGroupEvents.ServiceGroupStarted;
import io.seamless.projections.servicegroup.ServiceGroupEvents.ServiceGroupStopped;
import io.seamless.projections.servicegroup.ServiceGroupEvents.ServiceReconfigured;
import io.seamless.projections.servicegroup.ServiceGroupEvents.ServiceScaledIn;
import io.seamless.projections.servicegroup.ServiceGroupEvents.ServiceScaledOut;
import io.seamless.projections.servicegroup.ServiceGroupEvents.ServiceSpec;
import io.seamless.projections.servicegroup.ServiceGroupEvents.ServicesRestarted;
import io.seamless.projections.servicegroup.ServiceGroupEvents.StandbyPromoted;
import io.seamless.projections.servicegroup.ServiceGroupEvents.UnitAddressesAssigned;
import io.seamless.projections.servicegroup.ServiceGroupEvents.VersionUpgraded;
import io.seamless.projections.servicegroup.ServiceGroupEvents.VolumeExpanded;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One service group as its events left it, the same fold as the aggregate's (domain {@code GroupState}) written
 * again over this module's own event records. Stored as JSON in the read model; deterministic (no clock, no
 * I/O), so a rebuild from offset 0 folds exactly the same state.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
final class GroupState {

    /** Where a group stands on the command side; convergence in Kubernetes is reported apart (reactors). */
    enum Status { PROVISIONING, READY, FAILED, STOPPED }

    /** A unit of the group; {@code address} null until its operation got addresses. */
    /** {@code observed}: the last status its reactor reported ({@code UNIT_READY}, ...); null before any. */
    record Unit(String id, String service, Integer shard, int ordinal, String cluster, String address,
                String observed) {

        static Unit planned(PlannedUnit planned) {
            return new Unit(planned.id(), planned.service(), planned.shard(), planned.ordinal(), planned.cluster(),
                    null, null);
        }

        Unit withAddress(String newAddress) {
            return new Unit(id, service, shard, ordinal, cluster, newAddress, observed);
        }

        Unit withObserved(String status) {
            return new Unit(id, service, shard, ordinal, cluster, address, status);
        }
    }

    /** The unit statuses a reactor reports; an address bound, a drift corrected are history, not status. */
    private static final Set<String> STATUSES = Set.of("UNIT_READY", "UNIT_NOT_READY",
            "UNIT_FAILED", "POD_GONE", "UNIT_RELEASED");

    private String name;
    private String engine;
    private String topology;
    private String engineVersion;
    private int shards;
    private Status status;
    private String standbyOf;
    private String primary;
    private long restartGeneration;
    private String creatingOperation;
    private String pendingOperation;
    private TreeMap<String, ServiceSpec> services = new TreeMap<>();
    private List<Unit> units = new ArrayList<>();

    private GroupState() {
        // for Jackson
    }

    /**
     * The state a creation leaves. {@code primaryService} is the template's first function type when the
     * engine has a single writable primary (null otherwise): its first unit by shard and ordinal starts as
     * primary, as the aggregate decides.
     */
    static GroupState created(ServiceGroupCreated event, String primaryService) {
        GroupState state = new GroupState();
        state.name = event.group();
        state.engine = event.engine();
        state.topology = event.topology();
        state.engineVersion = event.version();
        state.shards = event.shards();
        state.status = Status.PROVISIONING;
        state.standbyOf = event.standbyOf();
        state.creatingOperation = event.operationId();
        state.pendingOperation = event.operationId();
        state.services.putAll(event.services());
        event.units().forEach(unit -> state.units.add(Unit.planned(unit)));
        state.primary = primaryService == null ? null : state.units.stream()
                .filter(unit -> unit.service().equals(primaryService))
                .min(Comparator.comparing(Unit::shard, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingInt(Unit::ordinal))
                .map(Unit::id).orElse(null);
        return state;
    }

    /** Applies an event after the creation; one that names an unknown service or unit changes nothing of it. */
    void apply(GroupEvent event) {
        if (event instanceof ObservationRecorded observed) {
            if (observed.unit() != null && STATUSES.contains(observed.observation())) {
                units.replaceAll(unit -> unit.id().equals(observed.unit()) ? unit.withObserved(observed.observation())
                        : unit);
            }
        } else if (event instanceof UnitAddressesAssigned assigned) {
            units.replaceAll(unit -> assigned.addresses().containsKey(unit.id())
                    ? unit.withAddress(assigned.addresses().get(unit.id())) : unit);
            pendingOperation = null;
            status = Status.READY;
        } else if (event instanceof OperationFailed failed) {
            failed(failed);
        } else if (event instanceof ServiceScaledOut scaled) {
            services.computeIfPresent(scaled.service(), (service, spec) -> spec.withReplicas(scaled.replicas()));
            scaled.units().forEach(unit -> units.add(Unit.planned(unit)));
            pendingOperation = scaled.operationId();
            status = Status.PROVISIONING;
        } else if (event instanceof ServiceScaledIn scaled) {
            services.computeIfPresent(scaled.service(), (service, spec) -> spec.withReplicas(scaled.replicas()));
            units.removeIf(unit -> scaled.removedUnits().containsKey(unit.id()));
        } else {
            applySpecChange(event);
        }
    }

    private void applySpecChange(GroupEvent event) {
        if (event instanceof ResourcesChanged changed) {
            services.computeIfPresent(changed.service(), (service, spec) -> spec.withResources(changed.resources()));
        } else if (event instanceof VolumeExpanded expanded) {
            services.computeIfPresent(expanded.service(), (service, spec) -> spec.withSize(expanded.size()));
        } else if (event instanceof ServiceReconfigured reconfigured) {
            services.computeIfPresent(reconfigured.service(),
                    (service, spec) -> spec.withParameters(reconfigured.parameters()));
        } else if (event instanceof VersionUpgraded upgraded) {
            engineVersion = upgraded.toVersion();
        } else if (event instanceof ServicesRestarted restarted) {
            restartGeneration = restarted.generation();
        } else {
            applyLifecycleChange(event);
        }
    }

    private void applyLifecycleChange(GroupEvent event) {
        if (event instanceof PrimarySwitchedOver switched) {
            primary = switched.toUnit();
        } else if (event instanceof ServiceGroupStopped) {
            status = Status.STOPPED;
        } else if (event instanceof ServiceGroupStarted) {
            status = Status.READY;
        } else if (event instanceof StandbyPromoted) {
            standbyOf = null;
        }
        // ServiceGroupDeleted changes nothing here: the read model marks the group deleted.
    }

    /**
     * A failed creation leaves the group FAILED, its units without addresses. A failed scale-out drops the units
     * that got no address and sets every service's replicas back to the units it has (per shard when sharded).
     */
    private void failed(OperationFailed failed) {
        pendingOperation = null;
        if (failed.operationId().equals(creatingOperation)) {
            status = Status.FAILED;
            return;
        }
        units.removeIf(unit -> unit.address() == null);
        services.replaceAll((service, spec) -> spec.withReplicas(replicasPerShard(service)));
        status = Status.READY;
    }

    private int replicasPerShard(String service) {
        List<Unit> ofService = units.stream().filter(unit -> unit.service().equals(service)).toList();
        boolean sharded = shards > 0 && ofService.stream().anyMatch(unit -> unit.shard() != null);
        return sharded ? ofService.size() / shards : ofService.size();
    }

    String name() {
        return name;
    }

    String engine() {
        return engine;
    }

    String topology() {
        return topology;
    }

    String engineVersion() {
        return engineVersion;
    }

    int shards() {
        return shards;
    }

    Status status() {
        return status;
    }

    String standbyOf() {
        return standbyOf;
    }

    String primary() {
        return primary;
    }

    long restartGeneration() {
        return restartGeneration;
    }

    String pendingOperation() {
        return pendingOperation;
    }

    Map<String, ServiceSpec> services() {
        return Collections.unmodifiableMap(services);
    }

    List<Unit> units() {
        return List.copyOf(units);
    }

    /** The IP pools the group's services draw from, sorted, without repeats. */
    List<String> pools() {
        return services.values().stream().map(ServiceSpec::ipPool).filter(Objects::nonNull).distinct().sorted()
                .toList();
    }

    /** The clusters the group's units run in, sorted, without repeats. */
    List<String> clusters() {
        return units.stream().map(Unit::cluster).distinct().sorted().toList();
    }
}
