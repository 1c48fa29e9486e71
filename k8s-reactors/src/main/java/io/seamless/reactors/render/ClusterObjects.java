package io.seamless.reactors.render;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.seamless.reactors.unit.Unit;
import io.seamless.reactors.unit.UnitOwners;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything one group should have in one cluster. Units first: they own the rest (per-unit ConfigMaps by their
 * Unit; the group's headless Services and Secret by every Unit of the group in the cluster, none of them as
 * controller, so that they go when the last Unit goes). {@code owners} says so by name, since uids only exist once
 * the Units are created.
 */
public record ClusterObjects(List<Unit> units, List<Service> services, List<ConfigMap> configMaps,
                             List<Secret> secrets, List<OwnerLink> owners) {

    public ClusterObjects {
        units = List.copyOf(units);
        services = List.copyOf(services);
        configMaps = List.copyOf(configMaps);
        secrets = List.copyOf(secrets);
        owners = List.copyOf(owners);
    }

    /** Nothing: a group with no unit in the cluster. */
    public static ClusterObjects none() {
        return new ClusterObjects(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Every object, Units first, in the order to create them. */
    public List<HasMetadata> all() {
        return Stream.of(units, services, configMaps, secrets).flatMap(List::stream)
                .map(HasMetadata.class::cast).toList();
    }

    /**
     * A copy whose Services, ConfigMaps and Secrets carry their owner references, given the uid of every Unit by
     * name (the Units as created or read back). A Unit without a uid is refused: its dependents would otherwise be
     * written without an owner and never collected.
     */
    public ClusterObjects withOwnerReferences(Map<String, String> unitUids) {
        List<Service> ownedServices = services.stream().map(service -> new ServiceBuilder(service).editMetadata()
                .withOwnerReferences(references(service, unitUids)).endMetadata().build()).toList();
        List<ConfigMap> ownedConfigMaps = configMaps.stream().map(map -> new ConfigMapBuilder(map).editMetadata()
                .withOwnerReferences(references(map, unitUids)).endMetadata().build()).toList();
        List<Secret> ownedSecrets = secrets.stream().map(secret -> new SecretBuilder(secret).editMetadata()
                .withOwnerReferences(references(secret, unitUids)).endMetadata().build()).toList();
        return new ClusterObjects(units, ownedServices, ownedConfigMaps, ownedSecrets, owners);
    }

    private List<OwnerReference> references(HasMetadata dependent, Map<String, String> unitUids) {
        List<OwnerReference> references = new ArrayList<>();
        owners.stream()
                .filter(link -> link.kind().equals(dependent.getKind())
                        && link.name().equals(dependent.getMetadata().getName()))
                .forEach(link -> references.add(UnitOwners.reference(link.ownerUnit(),
                        unitUids.get(link.ownerUnit()), false)));
        return references;
    }
}
