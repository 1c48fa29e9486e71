package io.seamless.command.servicegroup;

import io.seamless.command.ConditionalOnCommandRole;
import io.seamless.command.dispatch.AuditMetadata;
import io.seamless.command.dispatch.CommandDispatcher;
import io.seamless.command.dispatch.CommandOutcome;
import io.seamless.command.servicegroup.ServiceGroupRequests.ChangeResources;
import io.seamless.command.servicegroup.ServiceGroupRequests.CreateGroup;
import io.seamless.command.servicegroup.ServiceGroupRequests.ExpandVolume;
import io.seamless.command.servicegroup.ServiceGroupRequests.OperationAccepted;
import io.seamless.command.servicegroup.ServiceGroupRequests.OperationRequest;
import io.seamless.command.servicegroup.ServiceGroupRequests.ScaleOut;
import io.seamless.command.web.Refusals;
import io.seamless.domain.common.DomainException;
import io.seamless.domain.common.QuantityError;
import io.seamless.domain.engine.EngineError;
import io.seamless.domain.servicegroup.ServiceGroupCommands.CreateServiceGroup;
import io.seamless.domain.servicegroup.ServiceGroupCommands.DeleteServiceGroup;
import io.seamless.domain.servicegroup.ServiceGroupError;
import io.seamless.domain.servicegroup.ServiceGroupView;
import io.seamless.security.RequiresRole;
import io.seamless.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The write half of the service-group API. Every write starts an operation: it answers 202 with
 * the operation's id and its {@code Location}; addresses and convergence follow asynchronously.
 */
@RestController
@ConditionalOnCommandRole
@RequestMapping("/api/v1/service-groups")
@Tag(name = "Service groups")
@RequiresRole(Role.OPERATOR)
@Refusals({ServiceGroupError.class, EngineError.class, QuantityError.class})
class ServiceGroupCommandController {

    private static final String NAME = ServiceGroupRequests.DNS_1123_LABEL;

    private final ServiceGroupPlanner planner;
    private final ServiceGroupReader reader;
    private final CommandDispatcher dispatcher;

    ServiceGroupCommandController(ServiceGroupPlanner planner, ServiceGroupReader reader, CommandDispatcher dispatcher) {
        this.planner = planner;
        this.reader = reader;
        this.dispatcher = dispatcher;
    }

    @PostMapping
    @Operation(summary = "Create a service group: plan its units, place them on clusters, take their addresses")
    ResponseEntity<OperationAccepted> create(@Valid @RequestBody CreateGroup request, AuditMetadata audit) {
        String operationId = newOperationId();
        CreateServiceGroup command = new CreateServiceGroup(request.name(), operationId, request.engine(),
                request.version(), request.topology(), request.shards() == null ? 0 : request.shards(),
                OperationCommands.services(request.services()), List.of(), request.standbyOf());
        return accepted(request.name(), operationId, "Create", send(request.name(),
                () -> planner.create(command, audit)));
    }

    @PostMapping("/{name}/operations")
    @Operation(summary = "Start an operation on a service group (ScaleOut, ScaleIn, ChangeResources, ExpandVolume,"
            + " Upgrade, Restart, Reconfigure, Switchover, Stop, Start, PromoteStandby)")
    ResponseEntity<OperationAccepted> operate(@PathVariable @Pattern(regexp = NAME) String name,
                                              @Valid @RequestBody OperationRequest request, AuditMetadata audit) {
        String operationId = newOperationId();
        String type = request.getClass().getSimpleName();
        if (request instanceof ScaleOut scaleOut) {
            return accepted(name, operationId, type, send(name, () -> planner.scaleOut(reader.read(name),
                    operationId, scaleOut.service(), scaleOut.replicas(), audit)));
        }
        Object command = OperationCommands.command(name, operationId, request);
        if (request instanceof ChangeResources || request instanceof ExpandVolume) {
            ServiceGroupView group = reader.read(name);
            return accepted(name, operationId, type, send(name, () -> planner.resize(group,
                    OperationCommands.service(request), OperationCommands.wanted(group, request), command, audit)));
        }
        return accepted(name, operationId, type, send(name, () -> dispatcher.send(command, audit)));
    }

    @DeleteMapping("/{name}")
    @Operation(summary = "Delete a service group; its units' addresses are given back to their pools")
    ResponseEntity<OperationAccepted> delete(@PathVariable @Pattern(regexp = NAME) String name, AuditMetadata audit) {
        String operationId = newOperationId();
        return accepted(name, operationId, "Delete",
                send(name, () -> dispatcher.send(new DeleteServiceGroup(name, operationId), audit)));
    }

    private static ResponseEntity<OperationAccepted> accepted(String group, String operationId, String type,
                                                              CommandOutcome<Long> outcome) {
        URI location = URI.create("/api/v1/service-groups/" + group + "/operations/" + operationId);
        return ResponseEntity.accepted().location(location)
                .body(new OperationAccepted(group, operationId, type, outcome.result(), outcome.eventIds()));
    }

    /** Axon's repository exceptions become the group's own typed refusals. */
    private static CommandOutcome<Long> send(String group, java.util.function.Supplier<CommandOutcome<Long>> send) {
        try {
            return send.get();
        } catch (AggregateDeletedException e) {
            throw new DomainException(ServiceGroupError.SERVICE_GROUP_NOT_FOUND, "service group '" + group
                    + "' was deleted");
        } catch (AggregateNotFoundException e) {
            throw new DomainException(ServiceGroupError.SERVICE_GROUP_NOT_FOUND, "service group '" + group
                    + "' does not exist");
        } catch (AggregateStreamCreationException e) {
            throw new DomainException(ServiceGroupError.SERVICE_GROUP_EXISTS, "service group '" + group
                    + "' already exists (names of deleted groups are not reused)");
        }
    }

    private static String newOperationId() {
        return UUID.randomUUID().toString();
    }
}
