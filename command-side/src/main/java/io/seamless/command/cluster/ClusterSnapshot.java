package io.seamless.command.cluster;

import java.util.List;
import java.util.Map;

/**
 * A registered cluster as placement sees it, read from the command side's registry: where it is, what
 * it offers, what the units placed on it use, whether it takes new units and which IP pools it can use.
 *
 * @param units how many units are placed on it
 */
public record ClusterSnapshot(String name, String site, String zone, Map<String, String> labels, List<String> ipPools,
                              boolean cordoned, Resources capacity, Resources used, int units) {

    public ClusterSnapshot {
        labels = Map.copyOf(labels);
        ipPools = List.copyOf(ipPools);
    }

    /** What is left for new units; negative where the capacity was lowered below what units already use. */
    public Resources free() {
        return capacity.minus(used);
    }

    /** CPU in millicores, memory and storage in bytes. */
    public record Resources(long cpuMillis, long memoryBytes, long storageBytes) {

        public Resources minus(Resources other) {
            return new Resources(cpuMillis - other.cpuMillis, memoryBytes - other.memoryBytes,
                    storageBytes - other.storageBytes);
        }
    }
}
