package io.seamless.domain.servicegroup;

import java.util.Set;

/**
 * What placement knows of a registered cluster: its failure domains (site, zone), whether it is
 * cordoned, the IP pools reachable there and its free capacity (capacity minus what placed units ask).
 */
public record ClusterCapacity(String name, String site, String zone, boolean cordoned, Set<String> ipPools,
                              long freeCpuMillis, long freeMemoryBytes, long freeStorageBytes) {

    public ClusterCapacity {
        ipPools = Set.copyOf(ipPools);
    }

    ClusterCapacity minus(UnitDemand demand) {
        return new ClusterCapacity(name, site, zone, cordoned, ipPools, freeCpuMillis - demand.cpuMillis(),
                freeMemoryBytes - demand.memoryBytes(), freeStorageBytes - demand.storageBytes());
    }

    /** Whether {@code units} units asking {@code demand} each fit in what is free. */
    public boolean fitsAll(UnitDemand demand, long units) {
        return freeCpuMillis >= demand.cpuMillis() * units && freeMemoryBytes >= demand.memoryBytes() * units
                && freeStorageBytes >= demand.storageBytes() * units;
    }

    boolean fits(UnitDemand demand) {
        return freeCpuMillis >= demand.cpuMillis() && freeMemoryBytes >= demand.memoryBytes()
                && freeStorageBytes >= demand.storageBytes();
    }
}
