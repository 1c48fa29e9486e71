package io.seamless.command.servicegroup;

import io.seamless.command.servicegroup.ServiceGroupRequests.ChangeResources;
import io.seamless.command.servicegroup.ServiceGroupRequests.ExpandVolume;
import io.seamless.command.servicegroup.ServiceGroupRequests.OperationRequest;
import io.seamless.command.servicegroup.ServiceGroupRequests.PromoteStandby;
import io.seamless.command.servicegroup.ServiceGroupRequests.Reconfigure;
import io.seamless.command.servicegroup.ServiceGroupRequests.Restart;
import io.seamless.command.servicegroup.ServiceGroupRequests.ScaleIn;
import io.seamless.command.servicegroup.ServiceGroupRequests.Service;
import io.seamless.command.servicegroup.ServiceGroupRequests.Start;
import io.seamless.command.servicegroup.ServiceGroupRequests.Stop;
import io.seamless.command.servicegroup.ServiceGroupRequests.Switchover;
import io.seamless.command.servicegroup.ServiceGroupRequests.Upgrade;
import io.seamless.domain.common.Quantity;
import io.seamless.domain.servicegroup.Resources;
import io.seamless.domain.servicegroup.ServiceGroupCommands;
import io.seamless.domain.servicegroup.ServiceSpec;
import io.seamless.domain.servicegroup.ServiceGroupView;
import io.seamless.domain.servicegroup.StorageSpec;
import io.seamless.domain.servicegroup.UnitDemand;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps request bodies to the domain's commands; nothing here decides anything. */
final class OperationCommands {

    private OperationCommands() {
    }

    static Map<String, ServiceSpec> services(Map<String, Service> requested) {
        Map<String, ServiceSpec> services = new LinkedHashMap<>();
        requested.forEach((name, service) -> services.put(name, new ServiceSpec(service.replicas(),
                service.resources() == null ? null : resources(service.resources()),
                service.storage() == null ? null
                        : new StorageSpec(service.storage().storageClass(), service.storage().size()),
                service.config(), service.ipPool())));
        return services;
    }

    static Object command(String group, String operationId, OperationRequest request) {
        if (request instanceof ScaleIn scaleIn) {
            return new ServiceGroupCommands.ScaleIn(group, operationId, scaleIn.service(), scaleIn.replicas());
        } else if (request instanceof ChangeResources change) {
            return new ServiceGroupCommands.ChangeResources(group, operationId, change.service(),
                    resources(change.resources()));
        } else if (request instanceof ExpandVolume expand) {
            return new ServiceGroupCommands.ExpandVolume(group, operationId, expand.service(), expand.size());
        } else if (request instanceof Upgrade upgrade) {
            return new ServiceGroupCommands.UpgradeVersion(group, operationId, upgrade.version());
        } else if (request instanceof Restart restart) {
            return new ServiceGroupCommands.Restart(group, operationId, restart.service());
        } else if (request instanceof Reconfigure reconfigure) {
            return new ServiceGroupCommands.Reconfigure(group, operationId, reconfigure.service(),
                    reconfigure.parameters());
        }
        return lifecycleCommand(group, operationId, request);
    }

    private static Object lifecycleCommand(String group, String operationId, OperationRequest request) {
        if (request instanceof Switchover switchover) {
            return new ServiceGroupCommands.SwitchoverPrimary(group, operationId, switchover.unit());
        } else if (request instanceof Stop) {
            return new ServiceGroupCommands.StopServiceGroup(group, operationId);
        } else if (request instanceof Start) {
            return new ServiceGroupCommands.StartServiceGroup(group, operationId);
        } else if (request instanceof PromoteStandby) {
            return new ServiceGroupCommands.PromoteStandby(group, operationId);
        }
        throw new IllegalArgumentException("no command for " + request.getClass().getSimpleName());
    }

    /** The service a resizing operation is about. */
    static String service(OperationRequest request) {
        return request instanceof ChangeResources change ? change.service() : ((ExpandVolume) request).service();
    }

    /** What each unit of the service asks once a resizing operation is applied (unchanged parts as they are). */
    static UnitDemand wanted(ServiceGroupView group, OperationRequest request) {
        ServiceSpec spec = group.services().get(service(request));
        if (spec == null) {
            return new UnitDemand(0, 0, 0, null);
        }
        UnitDemand current = UnitDemand.of(spec);
        if (request instanceof ChangeResources change) {
            return new UnitDemand(
                    change.resources().cpu() == null ? current.cpuMillis() : Quantity.cpuMillis(change.resources().cpu()),
                    change.resources().memory() == null ? current.memoryBytes()
                            : Quantity.bytes(change.resources().memory()),
                    current.storageBytes(), current.ipPool());
        }
        return new UnitDemand(current.cpuMillis(), current.memoryBytes(),
                Quantity.bytes(((ExpandVolume) request).size()), current.ipPool());
    }

    private static Resources resources(ServiceGroupRequests.Resources requested) {
        return new Resources(requested.cpu(), requested.memory());
    }
}
