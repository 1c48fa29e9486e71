package io.seamless.command.servicegroup;

import io.seamless.command.dispatch.AuditMetadata;
import io.seamless.command.dispatch.CommandDispatcher;
import io.seamless.command.dispatch.CommandOutcome;
import io.seamless.domain.common.DomainException;
import io.seamless.domain.engine.EngineCatalogue;
import io.seamless.domain.engine.EngineTemplate;
import io.seamless.domain.engine.FunctionType;
import io.seamless.domain.servicegroup.ClusterCapacity;
import io.seamless.domain.servicegroup.Placement;
import io.seamless.domain.servicegroup.PlannedUnit;
import io.seamless.domain.servicegroup.ServiceGroupCommands.CreateServiceGroup;
import io.seamless.domain.servicegroup.ServiceGroupCommands.ScaleOut;
import io.seamless.domain.servicegroup.ServiceGroupError;
import io.seamless.domain.servicegroup.ServiceGroupView;
import io.seamless.domain.servicegroup.ServiceSpec;
import io.seamless.domain.servicegroup.ServiceSpecs;
import io.seamless.domain.servicegroup.Unit;
import io.seamless.domain.servicegroup.UnitDemand;
import io.seamless.domain.servicegroup.UnitPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans the units of a creation or scale-out, places them on clusters and records the command,
 * all in one transaction that holds the row locks of every placeable cluster: two placements
 * never both spend the same free capacity, on one node or many. The command joins this
 * transaction, so its events and the capacity they take commit together.
 */
class ServiceGroupPlanner {

    private static final EngineCatalogue CATALOGUE = EngineCatalogue.standard();

    private final CommandDispatcher dispatcher;
    private final ServiceGroupReader reader;
    private final ClusterCapacities clusters;
    private final TransactionTemplate transactions;

    ServiceGroupPlanner(CommandDispatcher dispatcher, ServiceGroupReader reader, ClusterCapacities clusters,
                        PlatformTransactionManager txm) {
        this.dispatcher = dispatcher;
        this.reader = reader;
        this.clusters = clusters;
        this.transactions = new TransactionTemplate(txm);
    }

    /** Answers the new group's version (0): Axon's answer to a creating command is the aggregate id. */
    CommandOutcome<Long> create(CreateServiceGroup asked, AuditMetadata audit) {
        EngineTemplate template = CATALOGUE.template(asked.engine(), asked.topology());
        Map<String, ServiceSpec> services = ServiceSpecs.normalized(template, asked.version(), asked.services(),
                asked.shards());
        List<PlannedUnit> plan = UnitPlan.forCreate(asked.group(), template, services, asked.shards());
        Set<String> primarySites = asked.standbyOf() == null ? Set.of() : primarySites(asked);
        return inLockedTransaction(() -> {
            List<ClusterCapacity> candidates = clusters.lockAll().stream()
                    .filter(cluster -> !primarySites.contains(cluster.site())).toList();
            if (candidates.isEmpty() && !primarySites.isEmpty()) {
                throw new DomainException(ServiceGroupError.PLACEMENT_INFEASIBLE, "standby '" + asked.group()
                        + "' must run on another site than its primary '" + asked.standbyOf() + "' " + primarySites
                        + ", and no cluster is registered elsewhere");
            }
            List<PlannedUnit> placed = Placement.place(plan, List.of(), demands(services), candidates);
            CommandOutcome<Object> created = dispatcher.send(new CreateServiceGroup(asked.group(), asked.operationId(),
                    asked.engine(), asked.version(), asked.topology(), asked.shards(), services, placed,
                    asked.standbyOf()), audit);
            return new CommandOutcome<>(0L, created.eventIds());
        });
    }

    /**
     * Disaster recovery: a standby runs the same engine and topology as its primary, on other sites,
     * so that losing the primary's site leaves the standby standing.
     */
    private Set<String> primarySites(CreateServiceGroup standby) {
        ServiceGroupView primary = reader.read(standby.standbyOf());
        if (!primary.engine().equals(standby.engine()) || !primary.topology().equals(standby.topology())) {
            throw new DomainException(ServiceGroupError.INVALID_SERVICE_SPEC, "standby '" + standby.group()
                    + "' must run " + primary.engine() + " " + primary.topology() + " like its primary '"
                    + primary.name() + "'");
        }
        Set<String> clusterNames = primary.units().stream().map(Unit::cluster).collect(Collectors.toSet());
        return clusters.sitesOf(clusterNames);
    }

    CommandOutcome<Long> scaleOut(ServiceGroupView group, String operationId, String service, int replicas,
                                  AuditMetadata audit) {
        EngineTemplate template = CATALOGUE.template(group.engine(), group.topology());
        FunctionType type = template.functionType(service).orElseThrow(() -> new DomainException(
                ServiceGroupError.UNKNOWN_SERVICE, "service group '" + group.name() + "' has no service '" + service
                + "'; it has " + group.services().keySet()));
        List<PlannedUnit> plan = UnitPlan.forScaleOut(group.name(), type, group.shards(), group.replicas(service),
                replicas, group.nextOrdinals(service));
        return inLockedTransaction(() -> {
            List<PlannedUnit> placed = Placement.place(plan, group.placedUnits(), demands(group.services()),
                    clusters.lockAll());
            return dispatcher.send(new ScaleOut(group.name(), operationId, service, replicas, placed), audit);
        });
    }

    /**
     * Scaling a service's units up (CPU, memory) or growing their volumes needs room where they run:
     * each cluster must have the growth of all of the service's units on it free, checked under the
     * clusters' row locks in the transaction that records the command. Shrinking needs no check.
     */
    CommandOutcome<Long> resize(ServiceGroupView group, String service, UnitDemand wanted, Object command,
                                AuditMetadata audit) {
        ServiceSpec spec = group.services().get(service);
        if (spec == null) {
            return dispatcher.send(command, audit); // the aggregate names the services it has
        }
        UnitDemand current = UnitDemand.of(spec);
        UnitDemand growth = new UnitDemand(Math.max(0, wanted.cpuMillis() - current.cpuMillis()),
                Math.max(0, wanted.memoryBytes() - current.memoryBytes()),
                Math.max(0, wanted.storageBytes() - current.storageBytes()), current.ipPool());
        Map<String, Long> unitsPerCluster = group.units().stream().filter(unit -> unit.service().equals(service))
                .collect(Collectors.groupingBy(Unit::cluster, Collectors.counting()));
        return inLockedTransaction(() -> {
            for (ClusterCapacity cluster : clusters.lockAll()) {
                long units = unitsPerCluster.getOrDefault(cluster.name(), 0L);
                if (units > 0 && !cluster.fitsAll(growth, units)) {
                    throw new DomainException(ServiceGroupError.PLACEMENT_INFEASIBLE, "cluster '" + cluster.name()
                            + "' has not enough free capacity for " + units + " unit(s) of '" + service + "' to grow by "
                            + growth.cpuMillis() + "m CPU, " + growth.memoryBytes() + " bytes memory, "
                            + growth.storageBytes() + " bytes storage each");
                }
            }
            return dispatcher.send(command, audit);
        });
    }

    private static Map<String, UnitDemand> demands(Map<String, ServiceSpec> services) {
        Map<String, UnitDemand> demands = new LinkedHashMap<>();
        services.forEach((name, spec) -> demands.put(name, UnitDemand.of(spec)));
        return demands;
    }

    /** A refusal inside rolls the whole transaction back and reaches the caller unchanged. */
    private <R> CommandOutcome<R> inLockedTransaction(Supplier<CommandOutcome<R>> work) {
        return transactions.execute(status -> work.get());
    }

    /** The clusters placement may use, their rows locked until the transaction ends. */
    interface ClusterCapacities {
        List<ClusterCapacity> lockAll();

        /** The sites of those of these clusters that are still registered. */
        Set<String> sitesOf(Set<String> clusterNames);
    }
}
