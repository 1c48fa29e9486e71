package io.seamless.domain.servicegroup;

/**
 * A unit as placed before it has an address: its id ({@code <group>-<service>[-<shard>]-<ordinal>},
 * never reused), function type, shard (null when unsharded), ordinal and the cluster it runs in.
 */
public record PlannedUnit(String id, String service, Integer shard, int ordinal, String cluster) {
}
