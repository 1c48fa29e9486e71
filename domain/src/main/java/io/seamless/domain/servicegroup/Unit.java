package io.seamless.domain.servicegroup;

/** A unit of a group: where it runs and its address (null until the address is assigned). */
public record Unit(String id, String service, Integer shard, int ordinal, String cluster, String address) {

    static Unit planned(PlannedUnit planned) {
        return new Unit(planned.id(), planned.service(), planned.shard(), planned.ordinal(), planned.cluster(), null);
    }

    Unit withAddress(String newAddress) {
        return new Unit(id, service, shard, ordinal, cluster, newAddress);
    }
}
