package io.seamless.domain.servicegroup;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.seamless.domain.common.DomainException;
import io.seamless.domain.common.Quantity;
import io.seamless.domain.engine.EngineCatalogue;
import io.seamless.domain.engine.EngineTemplate;
import io.seamless.domain.engine.FunctionType;
import io.seamless.domain.servicegroup.ServiceGroupCommands.AssignUnitAddresses;
import io.seamless.domain.servicegroup.ServiceGroupCommands.ChangeResources;
import io.seamless.domain.servicegroup.ServiceGroupCommands.CreateServiceGroup;
import io.seamless.domain.servicegroup.ServiceGroupCommands.DeleteServiceGroup;
import io.seamless.domain.servicegroup.ServiceGroupCommands.ExpandVolume;
import io.seamless.domain.servicegroup.ServiceGroupCommands.FailOperation;
import io.seamless.domain.servicegroup.ServiceGroupCommands.PromoteStandby;
import io.seamless.domain.servicegroup.ServiceGroupCommands.Reconfigure;
import io.seamless.domain.servicegroup.ServiceGroupCommands.RecordObservation;
import io.seamless.domain.servicegroup.ServiceGroupCommands.Restart;
import io.seamless.domain.servicegroup.ServiceGroupCommands.ScaleIn;
import io.seamless.domain.servicegroup.ServiceGroupCommands.ScaleOut;
import io.seamless.domain.servicegroup.ServiceGroupCommands.StartServiceGroup;
import io.seamless.domain.servicegroup.ServiceGroupCommands.StopServiceGroup;
import io.seamless.domain.servicegroup.ServiceGroupCommands.SwitchoverPrimary;
import io.seamless.domain.servicegroup.ServiceGroupCommands.UpgradeVersion;
import io.seamless.domain.servicegroup.ServiceGroupEvent.ObservationRecorded;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A database deployment built from an engine template: services of several function types, their
 * units, where each runs and its address. Commands are checked against the template and the
 * group's state before anything is applied; an operation that needs addresses leaves the group
 * {@link GroupStatus#PROVISIONING} until they are assigned or the operation fails. Every handler
 * answers with the group's version. The state itself lives in {@link GroupState}.
 */
public class ServiceGroup {

    static final EngineCatalogue CATALOGUE = EngineCatalogue.standard();

    /** {@link ServiceGroupCommands#aggregateId(String)} of the name. */
    @AggregateIdentifier
    private String id;
    private String name;
    private GroupState state;

    protected ServiceGroup() {
        // for Axon
    }

    @CommandHandler
    public ServiceGroup(CreateServiceGroup command) {
        EngineTemplate template = CATALOGUE.template(command.engine(), command.topology());
        Map<String, ServiceSpec> services = ServiceSpecs.normalized(template, command.version(), command.services(),
                command.shards());
        checkPlacement(UnitPlan.forCreate(command.group(), template, services, command.shards()), command.units());
        apply(new ServiceGroupCreated(command.group(), command.operationId(), command.engine(), command.version(),
                command.topology(), command.shards(), services, command.units(), command.standbyOf()));
    }

    @CommandHandler
    public long handle(AssignUnitAddresses command) {
        if (state.assigned(command.addresses())) {
            return getVersion();
        }
        state.requirePending(command.operationId());
        if (!command.addresses().keySet().equals(state.unitsWithoutAddress())) {
            throw new DomainException(ServiceGroupError.PLACEMENT_MISMATCH, "operation " + command.operationId()
                    + " waits for addresses of " + state.unitsWithoutAddress() + ", got " + command.addresses().keySet());
        }
        apply(new UnitAddressesAssigned(name, command.operationId(), command.addresses()));
        return getVersion();
    }

    @CommandHandler
    public long handle(FailOperation command) {
        if (state.failedAlready(command.operationId())) {
            return getVersion();
        }
        state.requirePending(command.operationId());
        apply(new OperationFailed(name, command.operationId(), command.reason()));
        return getVersion();
    }

    @CommandHandler
    public long handle(ScaleOut command) {
        state.requireReady("scale out");
        ServiceSpec spec = state.service(command.service());
        if (command.replicas() <= spec.replicas()) {
            throw new DomainException(ServiceGroupError.INVALID_SERVICE_SPEC, "scale out of '" + command.service()
                    + "' needs more than its " + spec.replicas() + " replicas, got " + command.replicas());
        }
        state.validateReplicas(command.service(), command.replicas());
        FunctionType type = state.functionType(command.service());
        checkPlacement(UnitPlan.forScaleOut(name, type, state.shards(), spec.replicas(), command.replicas(),
                state.nextOrdinals(command.service())), command.units());
        apply(new ServiceScaledOut(name, command.operationId(), command.service(), command.replicas(), command.units()));
        return getVersion();
    }

    @CommandHandler
    public long handle(ScaleIn command) {
        state.requireReady("scale in");
        ServiceSpec spec = state.service(command.service());
        if (command.replicas() >= spec.replicas()) {
            throw new DomainException(ServiceGroupError.INVALID_SERVICE_SPEC, "scale in of '" + command.service()
                    + "' needs fewer than its " + spec.replicas() + " replicas, got " + command.replicas());
        }
        state.validateReplicas(command.service(), command.replicas());
        apply(new ServiceScaledIn(name, command.operationId(), command.service(), command.replicas(),
                state.unitsBeyond(command.service(), command.replicas())));
        return getVersion();
    }

    @CommandHandler
    public long handle(ChangeResources command) {
        state.requireRunnable("change resources");
        Resources current = state.service(command.service()).resources();
        Resources asked = command.resources();
        // A part left out keeps its value: scaling memory alone does not reset the CPU.
        Resources resources = ServiceSpecs.canonical(new Resources(asked.cpu() == null ? current.cpu() : asked.cpu(),
                asked.memory() == null ? current.memory() : asked.memory()));
        if (!resources.equals(current)) {
            apply(new ResourcesChanged(name, command.operationId(), command.service(), resources));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(ExpandVolume command) {
        state.requireRunnable("expand volume");
        StorageSpec storage = state.service(command.service()).storage();
        if (storage == null) {
            throw new DomainException(ServiceGroupError.INVALID_SERVICE_SPEC, "service '" + command.service()
                    + "' has no volume");
        }
        long current = Quantity.bytes(storage.size());
        long wanted = Quantity.bytes(command.size());
        if (wanted < current) {
            throw new DomainException(ServiceGroupError.VOLUME_SHRINK, "volumes of '" + command.service()
                    + "' are " + storage.size() + "; they can grow, not shrink to " + command.size());
        }
        if (wanted > current) {
            apply(new VolumeExpanded(name, command.operationId(), command.service(), Quantity.formatBytes(wanted)));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(UpgradeVersion command) {
        state.requireRunnable("upgrade");
        if (!command.version().equals(state.version())) {
            state.template().validateUpgrade(state.version(), command.version());
            apply(new VersionUpgraded(name, command.operationId(), state.version(), command.version()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(Restart command) {
        state.requireReady("restart");
        List<String> services = command.service() == null ? state.serviceNames()
                : List.of(state.checkedServiceName(command.service()));
        apply(new ServicesRestarted(name, command.operationId(), services, state.restartGeneration() + 1));
        return getVersion();
    }

    @CommandHandler
    public long handle(Reconfigure command) {
        state.requireRunnable("reconfigure");
        ServiceSpec spec = state.service(command.service());
        if (command.parameters().isEmpty()) {
            throw new DomainException(ServiceGroupError.INVALID_SERVICE_SPEC, "reconfigure names no parameter");
        }
        if (!spec.withConfig(command.parameters()).equals(spec)) {
            apply(new ServiceReconfigured(name, command.operationId(), command.service(), command.parameters()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(SwitchoverPrimary command) {
        state.requireReady("switch over");
        String primary = state.primary().orElseThrow(() -> new DomainException(ServiceGroupError.NO_PRIMARY,
                state.template().engine() + " " + state.template().topology() + " has no primary to switch over"));
        state.requirePrimaryCandidate(command.unit());
        if (!primary.equals(command.unit())) {
            apply(new PrimarySwitchedOver(name, command.operationId(), primary, command.unit()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(StopServiceGroup command) {
        if (state.status() != GroupStatus.STOPPED) {
            state.requireReady("stop");
            apply(new ServiceGroupStopped(name, command.operationId()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(StartServiceGroup command) {
        if (state.status() == GroupStatus.STOPPED) {
            apply(new ServiceGroupStarted(name, command.operationId()));
        } else {
            state.requireReady("start");
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(PromoteStandby command) {
        String primaryGroup = state.standbyOf();
        if (primaryGroup == null) {
            throw new DomainException(ServiceGroupError.NOT_A_STANDBY, "service group '" + name
                    + "' is not a standby of another group");
        }
        state.requireRunnable("promote");
        apply(new StandbyPromoted(name, command.operationId(), primaryGroup));
        return getVersion();
    }

    @CommandHandler
    public long handle(DeleteServiceGroup command) {
        if (state.status() == GroupStatus.PROVISIONING) {
            throw new DomainException(ServiceGroupError.OPERATION_IN_PROGRESS, "service group '" + name
                    + "' waits for addresses of operation " + state.pendingOperation() + "; delete it afterwards");
        }
        apply(new ServiceGroupDeleted(name, command.operationId(), state.addressesOfAllUnits()));
        return getVersion();
    }

    /** For planning outside the aggregate; changes nothing. */
    public ServiceGroupView view() {
        return state.view();
    }

    /** Records an observation only when it is news; a repetition records nothing (idempotent for the ingester). */
    @CommandHandler
    public long handle(RecordObservation command) {
        if (state.isNews(command.unit(), command.observation())) {
            apply(new ObservationRecorded(name, null, command.cluster(), command.unit(), command.observation(),
                    command.reason(), command.message(), command.observedAt()));
        }
        return getVersion();
    }

    private static void checkPlacement(List<PlannedUnit> plan, List<PlannedUnit> placed) {
        if (!UnitPlan.unplaced(placed).equals(plan) || placed.stream().map(PlannedUnit::cluster)
                .anyMatch(Objects::isNull)) {
            throw new DomainException(ServiceGroupError.PLACEMENT_MISMATCH, "the placement must place exactly "
                    + plan.stream().map(PlannedUnit::id).toList() + " on clusters");
        }
    }

    @EventSourcingHandler
    void on(ServiceGroupCreated event) {
        id = ServiceGroupCommands.aggregateId(event.group());
        name = event.group();
        state = GroupState.created(CATALOGUE.template(event.engine(), event.topology()), event);
    }

    @EventSourcingHandler
    void on(ServiceGroupEvent event) {
        state.apply(event);
    }

    @EventSourcingHandler
    void on(ServiceGroupDeleted event) {
        markDeleted();
    }
}
