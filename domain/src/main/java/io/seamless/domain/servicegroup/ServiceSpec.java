package io.seamless.domain.servicegroup;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One function type of a group as asked for: replicas (per shard for sharded types), resources and
 * storage of each unit, configuration overrides and the IP pool its units draw addresses from.
 */
public record ServiceSpec(int replicas, Resources resources, StorageSpec storage, Map<String, String> config,
                          String ipPool) {

    public ServiceSpec {
        config = config == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(config));
    }

    ServiceSpec withReplicas(int newReplicas) {
        return new ServiceSpec(newReplicas, resources, storage, config, ipPool);
    }

    ServiceSpec withResources(Resources newResources) {
        return new ServiceSpec(replicas, newResources, storage, config, ipPool);
    }

    ServiceSpec withStorage(StorageSpec newStorage) {
        return new ServiceSpec(replicas, resources, newStorage, config, ipPool);
    }

    ServiceSpec withConfig(Map<String, String> parameters) {
        Map<String, String> merged = new TreeMap<>(config);
        merged.putAll(parameters);
        return new ServiceSpec(replicas, resources, storage, merged, ipPool);
    }
}
