package io.seamless.command.ippool;

import io.seamless.command.ConditionalOnCommandRole;
import io.seamless.command.dispatch.AuditMetadata;
import io.seamless.command.dispatch.CommandDispatcher;
import io.seamless.command.dispatch.CommandOutcome;
import io.seamless.command.ippool.IpPoolRequests.Allocate;
import io.seamless.command.ippool.IpPoolRequests.AllocationWritten;
import io.seamless.command.ippool.IpPoolRequests.CreatePool;
import io.seamless.command.ippool.IpPoolRequests.PoolWritten;
import io.seamless.command.web.Refusals;
import io.seamless.domain.common.DomainException;
import io.seamless.domain.ippool.AddressAssignment;
import io.seamless.domain.ippool.AllocateAddress;
import io.seamless.domain.ippool.CreateIpPool;
import io.seamless.domain.ippool.DeleteIpPool;
import io.seamless.domain.ippool.IpPoolError;
import io.seamless.domain.ippool.ReleaseAddress;
import io.seamless.domain.ippool.ReserveAddress;
import io.seamless.security.RequiresRole;
import io.seamless.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The write half of the IP pool API: maps each request to one command and answers with its outcome. */
@RestController
@ConditionalOnCommandRole
@RequestMapping("/api/v1/ip-pools")
@Tag(name = "IP pools")
@RequiresRole(Role.NETWORK_ADMIN)
@Refusals(IpPoolError.class)
class IpPoolCommandController {

    private static final String POOL = IpPoolRequests.DNS_1123_LABEL;
    private static final String UNIT = IpPoolRequests.DNS_1123_SUBDOMAIN;

    private final CommandDispatcher dispatcher;

    IpPoolCommandController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping
    @Operation(summary = "Create an IP pool")
    ResponseEntity<PoolWritten> create(@Valid @RequestBody CreatePool request, AuditMetadata audit) {
        CommandOutcome<Object> outcome = send(request.name(), new CreateIpPool(request.name(), request.cidr(), request.gateway(),
                request.excluded(), request.vlan(), request.cniMode(), request.network()), audit);
        return ResponseEntity.created(URI.create("/api/v1/ip-pools/" + request.name()))
                .body(new PoolWritten(request.name(), 0, outcome.eventIds()));
    }

    @PostMapping("/{pool}/allocations")
    @Operation(summary = "Allocate an address to a unit (the lowest free one, or the one asked for)",
            description = "201 when an address was handed out; 200 when the unit already held it (nothing recorded).")
    ResponseEntity<AllocationWritten> allocate(@PathVariable @Pattern(regexp = POOL) String pool,
                                               @Valid @RequestBody Allocate request, AuditMetadata audit) {
        Object command = request.address() == null
                ? new AllocateAddress(pool, request.unit())
                : new ReserveAddress(pool, request.unit(), request.address());
        CommandOutcome<AddressAssignment> outcome = send(pool, command, audit);
        HttpStatus status = outcome.eventIds().isEmpty() ? HttpStatus.OK : HttpStatus.CREATED;
        return ResponseEntity.status(status)
                .location(URI.create("/api/v1/ip-pools/" + pool + "/allocations/" + request.unit()))
                .body(written(outcome));
    }

    @DeleteMapping("/{pool}/allocations/{unit}")
    @Operation(summary = "Release a unit's address (idempotent)")
    AllocationWritten release(@PathVariable @Pattern(regexp = POOL) String pool,
                              @PathVariable @Pattern(regexp = UNIT) String unit, AuditMetadata audit) {
        return written(send(pool, new ReleaseAddress(pool, unit), audit));
    }

    @DeleteMapping("/{pool}")
    @Operation(summary = "Delete an IP pool that holds no allocation")
    PoolWritten delete(@PathVariable @Pattern(regexp = POOL) String pool, AuditMetadata audit) {
        CommandOutcome<Long> outcome = send(pool, new DeleteIpPool(pool), audit);
        return new PoolWritten(pool, outcome.result(), outcome.eventIds());
    }

    /** Axon's repository exceptions become the pool's own typed refusals. */
    private <R> CommandOutcome<R> send(String pool, Object command, AuditMetadata audit) {
        try {
            return dispatcher.send(command, audit);
        } catch (AggregateDeletedException e) {
            throw new DomainException(IpPoolError.IP_POOL_NOT_FOUND, "IP pool '" + pool + "' was deleted");
        } catch (AggregateNotFoundException e) {
            throw new DomainException(IpPoolError.IP_POOL_NOT_FOUND, "IP pool '" + pool + "' does not exist");
        } catch (AggregateStreamCreationException e) {
            throw new DomainException(IpPoolError.IP_POOL_EXISTS, "IP pool '" + pool + "' already exists");
        }
    }

    private static AllocationWritten written(CommandOutcome<AddressAssignment> outcome) {
        AddressAssignment assignment = outcome.result();
        return new AllocationWritten(assignment.pool(), assignment.unit(), assignment.address(), assignment.version(),
                outcome.eventIds());
    }
}
