package io.seamless.domain.servicegroup;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Everything one can ask of a service group. Each command carries the id of the operation it
 * starts, chosen by the caller (the Command API), so that its progress can be followed. Placement
 * and addresses are decided outside the aggregate (they need the clusters' and pools' state) and
 * handed in; the aggregate checks they fit its own plan.
 */
public final class ServiceGroupCommands {

    private ServiceGroupCommands() {
    }

    /**
     * The event store's aggregate id of a group. Axon's store keys streams by id alone, across
     * aggregate types: the prefix keeps a group from ever colliding with a pool or cluster of the
     * same name. The public {@code subject} is the bare name.
     */
    public static String aggregateId(String group) {
        return "servicegroup:" + group;
    }

    /** Every command names its group; Axon routes it by the group's aggregate id. */
    public interface GroupCommand {

        String group();

        @TargetAggregateIdentifier
        default String aggregateId() {
            return ServiceGroupCommands.aggregateId(group());
        }
    }

    /** {@code standbyOf}: the primary group this one replicates from (disaster recovery), or null. */
    public record CreateServiceGroup(String group, String operationId, String engine,
                                     String version, String topology, int shards, Map<String, ServiceSpec> services,
                                     List<PlannedUnit> units, String standbyOf) implements GroupCommand {
        public CreateServiceGroup {
            services = Map.copyOf(services);
            units = List.copyOf(units);
        }
    }

    /** The addresses the pools handed out for the units of an operation. */
    public record AssignUnitAddresses(String group, String operationId,
                                      Map<String, String> addresses) implements GroupCommand {
        public AssignUnitAddresses {
            addresses = Map.copyOf(addresses);
        }
    }

    /** An operation could not complete (e.g. a pool ran out); its reservations were already undone. */
    public record FailOperation(String group, String operationId, String reason) implements GroupCommand {
    }

    public record ScaleOut(String group, String operationId, String service, int replicas,
                           List<PlannedUnit> units) implements GroupCommand {
        public ScaleOut {
            units = List.copyOf(units);
        }
    }

    public record ScaleIn(String group, String operationId, String service, int replicas) implements GroupCommand {
    }

    public record ChangeResources(String group, String operationId, String service,
                                  Resources resources) implements GroupCommand {
    }

    public record ExpandVolume(String group, String operationId, String service,
                               String size) implements GroupCommand {
    }

    public record UpgradeVersion(String group, String operationId, String version) implements GroupCommand {
    }

    /** {@code service} null restarts every service. */
    public record Restart(String group, String operationId, String service) implements GroupCommand {
    }

    public record Reconfigure(String group, String operationId, String service,
                              Map<String, String> parameters) implements GroupCommand {
        public Reconfigure {
            parameters = Map.copyOf(parameters);
        }
    }

    public record SwitchoverPrimary(String group, String operationId, String unit) implements GroupCommand {
    }

    public record StopServiceGroup(String group, String operationId) implements GroupCommand {
    }

    public record StartServiceGroup(String group, String operationId) implements GroupCommand {
    }

    public record PromoteStandby(String group, String operationId) implements GroupCommand {
    }

    public record DeleteServiceGroup(String group, String operationId) implements GroupCommand {
    }

    /**
     * Records what a reactor observed in its cluster; {@code observedAt} comes from the reactor (the aggregate has no
     * clock). Acts as the reactor's service identity, not as a user.
     */
    public record RecordObservation(String group, String cluster, String unit, String observation, String reason,
                                    String message, Instant observedAt) implements GroupCommand {
    }
}
