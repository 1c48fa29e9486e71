package io.seamless.domain.servicegroup;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything that can happen to a service group. Axon stores each event's class name: renaming or
 * moving one of these records needs an upcaster. Every event names the operation that caused it.
 * The public form on Kafka is produced by the command side's mapper (docs/event-catalogue.md).
 */
public sealed interface ServiceGroupEvent {

    String group();

    String operationId();

    record ServiceGroupCreated(String group, String operationId, String engine, String version, String topology,
                               int shards, Map<String, ServiceSpec> services, List<PlannedUnit> units,
                               String standbyOf) implements ServiceGroupEvent {
    }

    record UnitAddressesAssigned(String group, String operationId, Map<String, String> addresses)
            implements ServiceGroupEvent {
    }

    record OperationFailed(String group, String operationId, String reason) implements ServiceGroupEvent {
    }

    record ServiceScaledOut(String group, String operationId, String service, int replicas, List<PlannedUnit> units)
            implements ServiceGroupEvent {
    }

    /** {@code removedUnits}: id to address (null when it never had one), to be released by the pools. */
    record ServiceScaledIn(String group, String operationId, String service, int replicas,
                           Map<String, String> removedUnits) implements ServiceGroupEvent {
    }

    record ResourcesChanged(String group, String operationId, String service, Resources resources)
            implements ServiceGroupEvent {
    }

    record VolumeExpanded(String group, String operationId, String service, String size)
            implements ServiceGroupEvent {
    }

    record VersionUpgraded(String group, String operationId, String fromVersion, String toVersion)
            implements ServiceGroupEvent {
    }

    /** {@code generation}: bumped per restart so a level-triggered reactor sees a change to converge on. */
    record ServicesRestarted(String group, String operationId, List<String> services, long generation)
            implements ServiceGroupEvent {
    }

    record ServiceReconfigured(String group, String operationId, String service, Map<String, String> parameters)
            implements ServiceGroupEvent {
    }

    record PrimarySwitchedOver(String group, String operationId, String fromUnit, String toUnit)
            implements ServiceGroupEvent {
    }

    record ServiceGroupStopped(String group, String operationId) implements ServiceGroupEvent {
    }

    record ServiceGroupStarted(String group, String operationId) implements ServiceGroupEvent {
    }

    record StandbyPromoted(String group, String operationId, String formerPrimary) implements ServiceGroupEvent {
    }

    /** {@code releasedUnits}: id to address of every unit, to be released by the pools. */
    record ServiceGroupDeleted(String group, String operationId, Map<String, String> releasedUnits)
            implements ServiceGroupEvent {
    }

    /**
     * What a reactor saw happen (docs/event-catalogue.md): recorded only when it is news, so the history holds each
     * transition once. Not caused by an operation: {@code operationId} is null. {@code unit} null: the group as a whole.
     */
    record ObservationRecorded(String group, String operationId, String cluster, String unit, String observation,
                               String reason, String message, Instant observedAt) implements ServiceGroupEvent {
    }
}
