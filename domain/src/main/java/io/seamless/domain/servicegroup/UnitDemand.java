package io.seamless.domain.servicegroup;

import io.seamless.domain.common.Quantity;

/** What one unit of a service asks of its cluster, and the pool its address comes from. */
public record UnitDemand(long cpuMillis, long memoryBytes, long storageBytes, String ipPool) {

    public static UnitDemand of(ServiceSpec spec) {
        long storage = spec.storage() == null ? 0 : Quantity.bytes(spec.storage().size());
        return new UnitDemand(Quantity.cpuMillis(spec.resources().cpu()), Quantity.bytes(spec.resources().memory()),
                storage, spec.ipPool());
    }
}
