package io.seamless.command.cluster;

import io.seamless.command.ConditionalOnCommandRole;
import io.seamless.command.cluster.ClusterRequests.CapacityBody;
import io.seamless.command.cluster.ClusterRequests.ClusterWritten;
import io.seamless.command.cluster.ClusterRequests.IpPoolsBody;
import io.seamless.command.cluster.ClusterRequests.Register;
import io.seamless.command.dispatch.AuditMetadata;
import io.seamless.command.dispatch.CommandDispatcher;
import io.seamless.command.dispatch.CommandOutcome;
import io.seamless.command.web.Refusals;
import io.seamless.domain.cluster.Capacity;
import io.seamless.domain.cluster.ClusterError;
import io.seamless.domain.cluster.CordonCluster;
import io.seamless.domain.cluster.RegisterCluster;
import io.seamless.domain.cluster.RemoveCluster;
import io.seamless.domain.cluster.UncordonCluster;
import io.seamless.domain.cluster.UpdateClusterCapacity;
import io.seamless.domain.cluster.UpdateClusterIpPools;
import io.seamless.domain.common.DomainException;
import io.seamless.domain.common.QuantityError;
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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The write half of the cluster API: maps each request to one command and answers with its outcome. */
@RestController
@ConditionalOnCommandRole
@RequestMapping("/api/v1/clusters")
@Tag(name = "Clusters")
@RequiresRole(Role.CLUSTER_ADMIN)
@Refusals({ClusterError.class, QuantityError.class})
class ClusterCommandController {

    private static final String CLUSTER = ClusterRequests.DNS_1123_LABEL;

    private final CommandDispatcher dispatcher;

    ClusterCommandController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping
    @Operation(summary = "Register a Kubernetes cluster units may be placed on")
    ResponseEntity<ClusterWritten> register(@Valid @RequestBody Register request, AuditMetadata audit) {
        CommandOutcome<Object> outcome = send(request.name(), new RegisterCluster(request.name(), request.site(),
                request.zone(), request.labels(), capacity(request.capacity()), request.ipPools()), audit);
        return ResponseEntity.created(URI.create("/api/v1/clusters/" + request.name()))
                .body(new ClusterWritten(request.name(), 0, outcome.eventIds()));
    }

    @PutMapping("/{cluster}/capacity")
    @Operation(summary = "Set the cluster's capacity (records nothing when it is unchanged)")
    ClusterWritten updateCapacity(@PathVariable @Pattern(regexp = CLUSTER) String cluster,
                                  @Valid @RequestBody CapacityBody request, AuditMetadata audit) {
        return written(cluster, send(cluster, new UpdateClusterCapacity(cluster, capacity(request)), audit));
    }

    @PutMapping("/{cluster}/ip-pools")
    @Operation(summary = "Set the IP pools usable in the cluster (records nothing when the set is unchanged)")
    ClusterWritten updateIpPools(@PathVariable @Pattern(regexp = CLUSTER) String cluster,
                                 @Valid @RequestBody IpPoolsBody request, AuditMetadata audit) {
        return written(cluster, send(cluster, new UpdateClusterIpPools(cluster, request.ipPools()), audit));
    }

    @PostMapping("/{cluster}/cordon")
    @Operation(summary = "Place no new unit on the cluster (idempotent)")
    ClusterWritten cordon(@PathVariable @Pattern(regexp = CLUSTER) String cluster, AuditMetadata audit) {
        return written(cluster, send(cluster, new CordonCluster(cluster), audit));
    }

    @PostMapping("/{cluster}/uncordon")
    @Operation(summary = "Let the cluster take new units again (idempotent)")
    ClusterWritten uncordon(@PathVariable @Pattern(regexp = CLUSTER) String cluster, AuditMetadata audit) {
        return written(cluster, send(cluster, new UncordonCluster(cluster), audit));
    }

    @DeleteMapping("/{cluster}")
    @Operation(summary = "Remove a cluster that hosts no unit")
    ClusterWritten remove(@PathVariable @Pattern(regexp = CLUSTER) String cluster, AuditMetadata audit) {
        return written(cluster, send(cluster, new RemoveCluster(cluster), audit));
    }

    /** Axon's repository exceptions become the cluster's own typed refusals. */
    private <R> CommandOutcome<R> send(String cluster, Object command, AuditMetadata audit) {
        try {
            return dispatcher.send(command, audit);
        } catch (AggregateDeletedException e) {
            throw new DomainException(ClusterError.CLUSTER_NOT_FOUND, "cluster '" + cluster + "' was removed");
        } catch (AggregateNotFoundException e) {
            throw new DomainException(ClusterError.CLUSTER_NOT_FOUND, "cluster '" + cluster + "' does not exist");
        } catch (AggregateStreamCreationException e) {
            throw new DomainException(ClusterError.CLUSTER_EXISTS, "cluster '" + cluster + "' already exists"
                    + " (names of removed clusters are not reused)");
        }
    }

    private static Capacity capacity(CapacityBody body) {
        return new Capacity(body.cpu(), body.memory(), body.storage());
    }

    private static ClusterWritten written(String cluster, CommandOutcome<Long> outcome) {
        return new ClusterWritten(cluster, outcome.result(), outcome.eventIds());
    }
}
