package io.seamless.reactors.render;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.seamless.reactors.cni.CniStrategies;
import io.seamless.reactors.desired.DesiredState;
import io.seamless.reactors.desired.DesiredUnit;
import io.seamless.reactors.unit.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One group's desired state to the objects of one cluster: only the units placed on it, their Services, ConfigMaps
 * and the group's Secret there. A pure function of its arguments, so that a reconcile can run it every time and
 * compare (level-triggered: never "what changed", always "what should be").
 */
public final class ClusterRenderer {

    private final UnitRenderer units;

    public ClusterRenderer(CniStrategies cni) {
        this.units = new UnitRenderer(cni.modes());
    }

    /**
     * The objects, with their owner links by name. Throws
     * {@link io.seamless.reactors.desired.InvalidDesiredStateException} for a document it cannot turn into valid
     * objects (e.g. a CNI mode it does not know).
     */
    public ClusterObjects render(DesiredState group, String cluster, String namespace, CredentialSource credentials) {
        List<Unit> rendered = new ArrayList<>();
        List<ConfigMap> configMaps = new ArrayList<>();
        List<OwnerLink> owners = new ArrayList<>();
        Map<String, List<DesiredUnit>> byService = new LinkedHashMap<>();
        for (int i = 0; i < group.units().size(); i++) {
            DesiredUnit unit = group.units().get(i);
            if (!unit.cluster().equals(cluster)) {
                continue;
            }
            String path = "units[" + i + "]";
            Unit resource = units.render(group, unit, path, namespace);
            rendered.add(resource);
            byService.computeIfAbsent(unit.service(), service -> new ArrayList<>()).add(unit);
            if (unit.config() != null) {
                ConfigMap configMap = GroupObjects.configMap(group, unit, path, namespace);
                configMaps.add(configMap);
                owners.add(link(configMap.getKind(), configMap.getMetadata().getName(), resource));
            }
        }
        if (rendered.isEmpty()) {
            return ClusterObjects.none();
        }
        List<Service> services = new ArrayList<>();
        byService.forEach((service, members) ->
                services.add(GroupObjects.headlessService(group, service, members, namespace)));
        Secret secret = GroupObjects.credentials(group, namespace, credentials);
        for (Unit unit : rendered) {
            services.forEach(service -> owners.add(link(service.getKind(), service.getMetadata().getName(), unit)));
            owners.add(link(secret.getKind(), secret.getMetadata().getName(), unit));
        }
        return new ClusterObjects(rendered, services, configMaps, List.of(secret), owners);
    }

    private static OwnerLink link(String kind, String name, Unit owner) {
        return new OwnerLink(kind, name, owner.getMetadata().getName());
    }
}
