package io.seamless.domain.engine;

/**
 * One unit as the renderer sees it. {@code shard} is null for unsharded function types;
 * {@code ordinal} counts from 0 within its service (and shard). {@code zone} is the failure domain
 * of its cluster (OceanBase places observers by it).
 */
public record UnitLayout(String id, String service, Integer shard, int ordinal, String address, String cluster,
                         String zone) {
}
