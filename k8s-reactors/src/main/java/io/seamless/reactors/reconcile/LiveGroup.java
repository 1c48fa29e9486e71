package io.seamless.reactors.reconcile;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.seamless.reactors.unit.SeamlessLabels;
import io.seamless.reactors.unit.Unit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The objects of one group a reconcile finds in its namespace, by the group's labels: what it compares the rendered
 * objects with, and what it deletes when they are no longer rendered. An object whose labels were edited away is
 * not found here; creating it then meets a conflict, which the applier turns into an update that restores them.
 */
record LiveGroup(List<Unit> units, List<Service> services, List<ConfigMap> configMaps, List<Secret> secrets) {

    static LiveGroup read(KubernetesClient client, String namespace, String group) {
        return new LiveGroup(list(client, namespace, group, Unit.class), list(client, namespace, group, Service.class),
                list(client, namespace, group, ConfigMap.class), list(client, namespace, group, Secret.class));
    }

    /** Every managed object of the group, Units first. */
    List<HasMetadata> all() {
        return Stream.of(units, services, configMaps, secrets).flatMap(List::stream)
                .map(HasMetadata.class::cast).toList();
    }

    static <T extends HasMetadata> Optional<T> named(List<T> objects, String name) {
        return objects.stream().filter(object -> object.getMetadata().getName().equals(name)).findFirst();
    }

    /** The labels every object of a group carries, whatever its kind. */
    static Map<String, String> selector(String group) {
        return Map.of(SeamlessLabels.SERVICE_GROUP, group, SeamlessLabels.MANAGED_BY, SeamlessLabels.SEAMLESS);
    }

    private static <T extends HasMetadata> List<T> list(KubernetesClient client, String namespace, String group,
                                                        Class<T> type) {
        return client.resources(type).inNamespace(namespace).withLabels(selector(group)).list().getItems();
    }
}
