package io.seamless.domain.servicegroup;

import io.seamless.domain.common.DomainException;
import io.seamless.domain.engine.EngineTemplate;
import io.seamless.domain.engine.FunctionType;
import io.seamless.domain.engine.GroupShape;
import io.seamless.domain.servicegroup.ServiceGroupEvent.ObservationRecorded;
import io.seamless.domain.servicegroup.ServiceGroupEvent.OperationFailed;
import io.seamless.domain.servicegroup.ServiceGroupEvent.PrimarySwitchedOver;
import io.seamless.domain.servicegroup.ServiceGroupEvent.ResourcesChanged;
import io.seamless.domain.servicegroup.ServiceGroupEvent.ServiceGroupCreated;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state of one service group, changed only by its events; the checks the command handlers
 * share. Deterministic: no clock, no I/O.
 */
final class GroupState {

    private final String group;
    private final EngineTemplate template;
    private final int shards;
    private final Map<String, ServiceSpec> services;
    private final Map<String, Unit> units = new LinkedHashMap<>();
    /** Per service and shard (-1 when unsharded): the next ordinal never used. */
    private final Map<String, Map<Integer, Integer>> nextOrdinals = new HashMap<>();
    private final Set<String> failedOperations = new LinkedHashSet<>();
    private final Observations observations = new Observations();
    private String version;
    private GroupStatus status = GroupStatus.PROVISIONING;
    private String pendingOperation;
    private String creatingOperation;
    private String primary;
    private String standbyOf;
    private long restartGeneration;

    private GroupState(String group, EngineTemplate template, int shards, Map<String, ServiceSpec> services) {
        this.group = group;
        this.template = template;
        this.shards = shards;
        this.services = new LinkedHashMap<>(services);
    }

    static GroupState created(EngineTemplate template, ServiceGroupCreated event) {
        GroupState state = new GroupState(event.group(), template, event.shards(), event.services());
        state.version = event.version();
        state.standbyOf = event.standbyOf();
        state.pendingOperation = event.operationId();
        state.creatingOperation = event.operationId();
        state.addUnits(event.units());
        if (template.hasPrimary()) {
            String primaryType = template.functionTypes().get(0).name();
            state.primary = event.units().stream().filter(u -> u.service().equals(primaryType)).findFirst()
                    .map(PlannedUnit::id).orElse(null);
        }
        return state;
    }

    boolean isNews(String unit, String observation) {
        return observations.isNews(unit, observation);
    }

    void apply(ServiceGroupEvent event) {
        if (event instanceof ObservationRecorded observed) {
            observations.record(observed.unit(), observed.observation());
        } else if (event instanceof UnitAddressesAssigned assigned) {
            assigned.addresses().forEach((unit, address) -> units.computeIfPresent(unit, (id, u) -> u.withAddress(address)));
            pendingOperation = null;
            status = GroupStatus.READY;
        } else if (event instanceof OperationFailed failed) {
            failed(failed);
        } else if (event instanceof ServiceScaledOut scaled) {
            services.computeIfPresent(scaled.service(), (name, spec) -> spec.withReplicas(scaled.replicas()));
            addUnits(scaled.units());
            pendingOperation = scaled.operationId();
            status = GroupStatus.PROVISIONING;
        } else if (event instanceof ServiceScaledIn scaled) {
            services.computeIfPresent(scaled.service(), (name, spec) -> spec.withReplicas(scaled.replicas()));
            scaled.removedUnits().keySet().forEach(units::remove);
        } else {
            applySpecChange(event);
        }
    }

    private void applySpecChange(ServiceGroupEvent event) {
        if (event instanceof ResourcesChanged changed) {
            services.computeIfPresent(changed.service(), (name, spec) -> spec.withResources(changed.resources()));
        } else if (event instanceof VolumeExpanded expanded) {
            services.computeIfPresent(expanded.service(), (name, spec) ->
                    spec.withStorage(new StorageSpec(spec.storage().storageClass(), expanded.size())));
        } else if (event instanceof ServiceReconfigured reconfigured) {
            services.computeIfPresent(reconfigured.service(), (name, spec) -> spec.withConfig(reconfigured.parameters()));
        } else if (event instanceof VersionUpgraded upgraded) {
            version = upgraded.toVersion();
        } else if (event instanceof ServicesRestarted restarted) {
            restartGeneration = restarted.generation();
        } else {
            applyLifecycleChange(event);
        }
    }

    private void applyLifecycleChange(ServiceGroupEvent event) {
        if (event instanceof PrimarySwitchedOver switched) {
            primary = switched.toUnit();
        } else if (event instanceof ServiceGroupStopped) {
            status = GroupStatus.STOPPED;
        } else if (event instanceof ServiceGroupStarted) {
            status = GroupStatus.READY;
        } else if (event instanceof StandbyPromoted) {
            standbyOf = null;
        }
    }

    /** A failed creation leaves the group failed; a failed scale-out drops the units that got no address. */
    private void failed(OperationFailed failed) {
        failedOperations.add(failed.operationId());
        pendingOperation = null;
        if (failed.operationId().equals(creatingOperation)) {
            status = GroupStatus.FAILED;
            return;
        }
        units.values().removeIf(unit -> unit.address() == null);
        services.replaceAll((name, spec) -> spec.withReplicas(replicasPerShard(name)));
        status = GroupStatus.READY;
    }

    private int replicasPerShard(String service) {
        long count = units.values().stream().filter(u -> u.service().equals(service)).count();
        boolean perShard = functionType(service).perShard();
        return (int) (perShard && shards > 0 ? count / shards : count);
    }

    private void addUnits(List<PlannedUnit> planned) {
        for (PlannedUnit unit : planned) {
            units.put(unit.id(), Unit.planned(unit));
            nextOrdinals.computeIfAbsent(unit.service(), s -> new HashMap<>())
                    .merge(unit.shard() == null ? -1 : unit.shard(), unit.ordinal() + 1, Math::max);
        }
    }

    // ---- queries and checks used by the command handlers

    boolean assigned(Map<String, String> addresses) {
        return !addresses.isEmpty() && addresses.entrySet().stream().allMatch(entry ->
                units.containsKey(entry.getKey()) && entry.getValue().equals(units.get(entry.getKey()).address()));
    }

    boolean failedAlready(String operationId) {
        return failedOperations.contains(operationId);
    }

    void requirePending(String operationId) {
        if (!operationId.equals(pendingOperation)) {
            throw new DomainException(ServiceGroupError.OPERATION_NOT_FOUND, "service group '" + group
                    + "' waits for no operation " + operationId
                    + (pendingOperation == null ? "" : " (it waits for " + pendingOperation + ")"));
        }
    }

    void requireReady(String what) {
        if (status == GroupStatus.PROVISIONING) {
            throw new DomainException(ServiceGroupError.OPERATION_IN_PROGRESS, "cannot " + what + " service group '"
                    + group + "' while operation " + pendingOperation + " waits for addresses");
        }
        if (status != GroupStatus.READY) {
            throw new DomainException(ServiceGroupError.INVALID_STATE, "cannot " + what + " service group '" + group
                    + "' while it is " + status);
        }
    }

    /** Ready, or stopped: the change is recorded and applies when the group runs again. */
    void requireRunnable(String what) {
        if (status != GroupStatus.STOPPED) {
            requireReady(what);
        }
    }

    Set<String> unitsWithoutAddress() {
        Set<String> waiting = new LinkedHashSet<>();
        units.values().stream().filter(u -> u.address() == null).forEach(u -> waiting.add(u.id()));
        return waiting;
    }

    ServiceSpec service(String service) {
        return Optional.ofNullable(services.get(checkedServiceName(service))).orElseThrow();
    }

    String checkedServiceName(String service) {
        if (!services.containsKey(service)) {
            throw new DomainException(ServiceGroupError.UNKNOWN_SERVICE, "service group '" + group
                    + "' has no service '" + service + "'; it has " + services.keySet());
        }
        return service;
    }

    FunctionType functionType(String service) {
        return template.functionType(service).orElseThrow();
    }

    void validateReplicas(String service, int replicas) {
        Map<String, Integer> shape = new LinkedHashMap<>();
        services.forEach((name, spec) -> shape.put(name, spec.replicas()));
        shape.put(service, replicas);
        template.validate(new GroupShape(version, shape, shards));
    }

    /** Units of a service past the first {@code replicas} (per shard), the newest first to go. */
    Map<String, String> unitsBeyond(String service, int replicas) {
        Map<String, String> removed = new LinkedHashMap<>();
        Map<Integer, List<Unit>> byShard = new LinkedHashMap<>();
        units.values().stream().filter(u -> u.service().equals(service))
                .forEach(u -> byShard.computeIfAbsent(u.shard() == null ? -1 : u.shard(), s -> new ArrayList<>()).add(u));
        byShard.values().forEach(list -> list.stream().sorted(Comparator.comparingInt(Unit::ordinal)).skip(replicas)
                .forEach(u -> removed.put(u.id(), u.address())));
        return removed;
    }

    Map<String, String> addressesOfAllUnits() {
        Map<String, String> all = new LinkedHashMap<>();
        units.values().forEach(u -> all.put(u.id(), u.address()));
        return all;
    }

    void requirePrimaryCandidate(String unit) {
        Unit candidate = units.get(unit);
        String primaryType = template.functionTypes().get(0).name();
        if (candidate == null || !candidate.service().equals(primaryType)) {
            throw new DomainException(ServiceGroupError.UNKNOWN_UNIT, "'" + unit + "' is not a " + primaryType
                    + " unit of service group '" + group + "'");
        }
    }

    ServiceGroupView view() {
        Map<String, Map<Integer, Integer>> ordinals = new HashMap<>();
        nextOrdinals.forEach((service, byShard) -> ordinals.put(service, Map.copyOf(byShard)));
        return new ServiceGroupView(group, template.engine(), template.topology(), version, shards, status, services,
                List.copyOf(units.values()), ordinals, pendingOperation, primary().orElse(null), standbyOf);
    }

    Map<Integer, Integer> nextOrdinals(String service) {
        return nextOrdinals.getOrDefault(service, Map.of());
    }

    Optional<String> primary() {
        return template.hasPrimary() ? Optional.ofNullable(primary) : Optional.empty();
    }

    List<String> serviceNames() {
        return List.copyOf(services.keySet());
    }

    EngineTemplate template() {
        return template;
    }

    int shards() {
        return shards;
    }

    String version() {
        return version;
    }

    GroupStatus status() {
        return status;
    }

    String pendingOperation() {
        return pendingOperation;
    }

    String standbyOf() {
        return standbyOf;
    }

    long restartGeneration() {
        return restartGeneration;
    }
}
