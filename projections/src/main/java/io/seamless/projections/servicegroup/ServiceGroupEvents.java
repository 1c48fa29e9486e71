package io.seamless.projections.servicegroup;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.seamless.projections.support.EventData;
import io.seamless.projections.support.EventEnvelope;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The public service group events ({@code seamless.events.servicegroup}) as this projection reads them: its own
 * copy of the contract, never the domain's records. Maps that may hold null values (the addresses of removed
 * units that never had one) are copied without {@code Map.copyOf}, which refuses nulls.
 */
final class ServiceGroupEvents {

    static final String PREFIX = "io.seamless.servicegroup.";

    private static final Map<String, Class<? extends GroupEvent>> TYPES = Map.ofEntries(
            Map.entry(PREFIX + "ServiceGroupCreated.v1", ServiceGroupCreated.class),
            Map.entry(PREFIX + "UnitAddressesAssigned.v1", UnitAddressesAssigned.class),
            Map.entry(PREFIX + "OperationFailed.v1", OperationFailed.class),
            Map.entry(PREFIX + "ServiceScaledOut.v1", ServiceScaledOut.class),
            Map.entry(PREFIX + "ServiceScaledIn.v1", ServiceScaledIn.class),
            Map.entry(PREFIX + "ResourcesChanged.v1", ResourcesChanged.class),
            Map.entry(PREFIX + "VolumeExpanded.v1", VolumeExpanded.class),
            Map.entry(PREFIX + "VersionUpgraded.v1", VersionUpgraded.class),
            Map.entry(PREFIX + "ServicesRestarted.v1", ServicesRestarted.class),
            Map.entry(PREFIX + "ObservationRecorded.v1", ObservationRecorded.class),
            Map.entry(PREFIX + "ServiceReconfigured.v1", ServiceReconfigured.class),
            Map.entry(PREFIX + "PrimarySwitchedOver.v1", PrimarySwitchedOver.class),
            Map.entry(PREFIX + "ServiceGroupStopped.v1", ServiceGroupStopped.class),
            Map.entry(PREFIX + "ServiceGroupStarted.v1", ServiceGroupStarted.class),
            Map.entry(PREFIX + "StandbyPromoted.v1", StandbyPromoted.class),
            Map.entry(PREFIX + "ServiceGroupDeleted.v1", ServiceGroupDeleted.class));

    private ServiceGroupEvents() {
    }

    /** The event's data, empty for a type this projection does not know; malformed when a field is missing. */
    static Optional<GroupEvent> read(EventEnvelope event) {
        Class<? extends GroupEvent> type = TYPES.get(event.type());
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(EventData.read(event, type, GroupEvent::group, "group"));
    }

    /** The event types this projection reads. */
    static Set<String> types() {
        return TYPES.keySet();
    }

    static <V> V required(V value, String field) {
        return EventData.required(value, field);
    }

    private static <V> Map<String, V> sorted(Map<String, V> map, String field) {
        return Collections.unmodifiableMap(new TreeMap<>(required(map, field)));
    }

    private static Map<String, String> nullableValues(Map<String, String> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Every event names its group and the operation that caused it. */
    interface GroupEvent {
        String group();

        String operationId();
    }

    /** CPU and memory of each unit of a service, canonical Kubernetes quantities. */
    record Resources(String cpu, String memory) {
        Resources {
            required(cpu, "resources.cpu");
            required(memory, "resources.memory");
        }
    }

    /** The volume of each unit of a stateful service; {@code storageClass} null means the cluster's default. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Storage(String storageClass, String size) {
        Storage {
            required(size, "storage.size");
        }
    }

    /** One function type as asked for; {@code config} holds the operator's parameters, sorted. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ServiceSpec(Integer replicas, Resources resources, Storage storage, Map<String, String> config,
                       String ipPool) {
        ServiceSpec {
            required(replicas, "replicas");
            required(resources, "resources");
            config = config == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(config));
        }

        ServiceSpec withReplicas(int newReplicas) {
            return new ServiceSpec(newReplicas, resources, storage, config, ipPool);
        }

        ServiceSpec withResources(Resources newResources) {
            return new ServiceSpec(replicas, newResources, storage, config, ipPool);
        }

        ServiceSpec withSize(String size) {
            return new ServiceSpec(replicas, resources, new Storage(storage == null ? null : storage.storageClass(),
                    size), config, ipPool);
        }

        ServiceSpec withParameters(Map<String, String> parameters) {
            Map<String, String> merged = new TreeMap<>(config);
            merged.putAll(parameters);
            return new ServiceSpec(replicas, resources, storage, merged, ipPool);
        }
    }

    /** A unit as placed, before it has an address; {@code shard} null when its service is not sharded. */
    record PlannedUnit(String id, String service, Integer shard, Integer ordinal, String cluster) {
        PlannedUnit {
            required(id, "units.id");
            required(service, "units.service");
            required(ordinal, "units.ordinal");
            required(cluster, "units.cluster");
        }
    }

    record ServiceGroupCreated(String group, String operationId, String engine, String version, String topology,
                               Integer shards, Map<String, ServiceSpec> services, List<PlannedUnit> units,
                               String standbyOf) implements GroupEvent {
        ServiceGroupCreated {
            required(group, "group");
            required(operationId, "operationId");
            required(engine, "engine");
            required(version, "version");
            required(topology, "topology");
            shards = shards == null ? 0 : shards;
            services = sorted(services, "services");
            units = List.copyOf(required(units, "units"));
        }
    }

    record UnitAddressesAssigned(String group, String operationId, Map<String, String> addresses)
            implements GroupEvent {
        UnitAddressesAssigned {
            required(group, "group");
            required(operationId, "operationId");
            addresses = sorted(addresses, "addresses");
        }
    }

    record OperationFailed(String group, String operationId, String reason) implements GroupEvent {
        OperationFailed {
            required(group, "group");
            required(operationId, "operationId");
            required(reason, "reason");
        }
    }

    record ServiceScaledOut(String group, String operationId, String service, Integer replicas,
                            List<PlannedUnit> units) implements GroupEvent {
        ServiceScaledOut {
            required(group, "group");
            required(operationId, "operationId");
            required(service, "service");
            required(replicas, "replicas");
            units = List.copyOf(required(units, "units"));
        }
    }

    /** {@code removedUnits}: unit id to the address it gave back, null when it never had one. */
    record ServiceScaledIn(String group, String operationId, String service, Integer replicas,
                           Map<String, String> removedUnits) implements GroupEvent {
        ServiceScaledIn {
            required(group, "group");
            required(operationId, "operationId");
            required(service, "service");
            required(replicas, "replicas");
            removedUnits = nullableValues(required(removedUnits, "removedUnits"));
        }
    }

    record ResourcesChanged(String group, String operationId, String service, Resources resources)
            implements GroupEvent {
        ResourcesChanged {
            required(group, "group");
            required(operationId, "operationId");
            required(service, "service");
            required(resources, "resources");
        }
    }

    record VolumeExpanded(String group, String operationId, String service, String size) implements GroupEvent {
        VolumeExpanded {
            required(group, "group");
            required(operationId, "operationId");
            required(service, "service");
            required(size, "size");
        }
    }

    record VersionUpgraded(String group, String operationId, String fromVersion, String toVersion)
            implements GroupEvent {
        VersionUpgraded {
            required(group, "group");
            required(operationId, "operationId");
            required(toVersion, "toVersion");
        }
    }

    record ServicesRestarted(String group, String operationId, List<String> services, Long generation)
            implements GroupEvent {
        ServicesRestarted {
            required(group, "group");
            required(operationId, "operationId");
            services = services == null ? List.of() : List.copyOf(services);
            required(generation, "generation");
        }
    }

    /** What a reactor saw (not an operation: {@code operationId} is always null); {@code unit} null: the group. */
    record ObservationRecorded(String group, String operationId, String cluster, String unit, String observation,
                               String reason, String message, String observedAt) implements GroupEvent {
        ObservationRecorded {
            required(group, "group");
            required(observation, "observation");
        }
    }

    record ServiceReconfigured(String group, String operationId, String service, Map<String, String> parameters)
            implements GroupEvent {
        ServiceReconfigured {
            required(group, "group");
            required(operationId, "operationId");
            required(service, "service");
            parameters = sorted(parameters, "parameters");
        }
    }

    record PrimarySwitchedOver(String group, String operationId, String fromUnit, String toUnit)
            implements GroupEvent {
        PrimarySwitchedOver {
            required(group, "group");
            required(operationId, "operationId");
            required(toUnit, "toUnit");
        }
    }

    record ServiceGroupStopped(String group, String operationId) implements GroupEvent {
        ServiceGroupStopped {
            required(group, "group");
            required(operationId, "operationId");
        }
    }

    record ServiceGroupStarted(String group, String operationId) implements GroupEvent {
        ServiceGroupStarted {
            required(group, "group");
            required(operationId, "operationId");
        }
    }

    record StandbyPromoted(String group, String operationId, String formerPrimary) implements GroupEvent {
        StandbyPromoted {
            required(group, "group");
            required(operationId, "operationId");
        }
    }

    /** {@code releasedUnits}: every unit's id to its address (null when it never had one). */
    record ServiceGroupDeleted(String group, String operationId, Map<String, String> releasedUnits)
            implements GroupEvent {
        ServiceGroupDeleted {
            required(group, "group");
            required(operationId, "operationId");
            releasedUnits = nullableValues(releasedUnits);
        }
    }
}
