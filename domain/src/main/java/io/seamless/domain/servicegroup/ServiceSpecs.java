package io.seamless.domain.servicegroup;

import io.seamless.domain.common.DomainException;
import io.seamless.domain.common.Quantity;
import io.seamless.domain.engine.EngineTemplate;
import io.seamless.domain.engine.FunctionType;
import io.seamless.domain.engine.GroupShape;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the services asked for into the complete, canonical set a group records: every function
 * type of the template (left-out ones with their defaults), quantities in canonical form, and the
 * shape checked by the template. A pure function shared by the Command API and the aggregate.
 */
public final class ServiceSpecs {

    static final Resources DEFAULT_RESOURCES = new Resources("1", "2Gi");
    static final String DEFAULT_VOLUME = "10Gi";

    private ServiceSpecs() {
    }

    public static Map<String, ServiceSpec> normalized(EngineTemplate template, String version,
                                                      Map<String, ServiceSpec> asked, int shards) {
        asked.keySet().stream().filter(name -> template.functionType(name).isEmpty()).findFirst().ifPresent(name -> {
            throw new DomainException(ServiceGroupError.UNKNOWN_SERVICE, template.engine() + " " + template.topology()
                    + " has no function type '" + name + "'; known: "
                    + template.functionTypes().stream().map(FunctionType::name).toList());
        });
        String fallbackPool = asked.values().stream().map(ServiceSpec::ipPool).filter(pool -> pool != null)
                .findFirst().orElse(null);
        Map<String, ServiceSpec> complete = new LinkedHashMap<>();
        Map<String, Integer> replicas = new LinkedHashMap<>();
        for (FunctionType type : template.functionTypes()) {
            ServiceSpec spec = canonical(type, asked.get(type.name()), fallbackPool);
            replicas.put(type.name(), spec.replicas());
            if (spec.replicas() > 0) {
                complete.put(type.name(), spec);
            }
        }
        template.validate(new GroupShape(version, replicas, shards));
        return complete;
    }

    private static ServiceSpec canonical(FunctionType type, ServiceSpec asked, String fallbackPool) {
        if (asked == null) {
            int replicas = type.optional() ? 0 : type.defaultReplicas();
            return new ServiceSpec(replicas, DEFAULT_RESOURCES, defaultStorage(type), Map.of(), fallbackPool);
        }
        if (asked.ipPool() == null || asked.ipPool().isBlank()) {
            throw new DomainException(ServiceGroupError.INVALID_SERVICE_SPEC, "service '" + type.name()
                    + "' names no IP pool");
        }
        Resources resources = asked.resources() == null ? DEFAULT_RESOURCES : canonical(asked.resources());
        StorageSpec storage = type.stateful() ? canonical(asked.storage()) : null;
        return new ServiceSpec(asked.replicas(), resources, storage, asked.config(), asked.ipPool());
    }

    static Resources canonical(Resources resources) {
        String cpu = resources.cpu() == null ? DEFAULT_RESOURCES.cpu() : resources.cpu();
        String memory = resources.memory() == null ? DEFAULT_RESOURCES.memory() : resources.memory();
        return new Resources(Quantity.formatCpu(positive(Quantity.cpuMillis(cpu), "cpu " + cpu)),
                Quantity.formatBytes(positive(Quantity.bytes(memory), "memory " + memory)));
    }

    private static StorageSpec canonical(StorageSpec storage) {
        if (storage == null || storage.size() == null) {
            return new StorageSpec(storage == null ? null : storage.storageClass(), DEFAULT_VOLUME);
        }
        long bytes = positive(Quantity.bytes(storage.size()), "storage " + storage.size());
        return new StorageSpec(storage.storageClass(), Quantity.formatBytes(bytes));
    }

    private static StorageSpec defaultStorage(FunctionType type) {
        return type.stateful() ? new StorageSpec(null, DEFAULT_VOLUME) : null;
    }

    private static long positive(long value, String what) {
        if (value <= 0) {
            throw new DomainException(ServiceGroupError.INVALID_SERVICE_SPEC, what + " must be more than zero");
        }
        return value;
    }
}
