package io.seamless.domain.engine;

import static io.seamless.domain.engine.FunctionTypes.perShard;
import static io.seamless.domain.engine.FunctionTypes.port;
import static io.seamless.domain.engine.FunctionTypes.stateful;

import java.util.ArrayList;
import java.util.List;

/**
 * Redis Cluster: 3 to 128 shards of {@code redis} nodes, each shard one primary (its first unit) and
 * 0 to 4 replicas. No single primary for the group: every shard has its own.
 *
 * <p>{@code redis.conf}: the common settings of {@link RedisFiles#redisConf}, {@code cluster-enabled
 * yes}, {@code cluster-config-file nodes.conf} (kept on the volume: it is the node's identity),
 * {@code cluster-node-timeout 15000}, and {@code cluster-announce-ip} / {@code -port} / {@code
 * -bus-port}: the address and ports other nodes and clients are given in redirects, so they reach
 * the pinned unit address rather than whatever the container sees.
 *
 * <p>{@code cluster-create.sh}, on the first unit of shard 0 only: the one-time creation. {@code
 * redis-cli --cluster create} with the primaries of all shards in shard order ({@code
 * --cluster-replicas 0}), then one {@code --cluster add-node ... --cluster-slave --cluster-master-id}
 * per replica naming its own shard's primary. {@code --cluster-replicas N} over one list would let
 * redis-cli pair replicas with primaries by its own grouping of IPs, not by shard.
 */
final class RedisClusterTemplate extends AbstractEngineTemplate {

    static final FunctionType REDIS = perShard(stateful("redis", ReplicaRule.between(1, 5), 2, RedisFiles.IMAGE,
            port("redis", 6379), port("bus", 16379)));

    RedisClusterTemplate() {
        super("redis", "cluster", RedisFiles.VERSIONS, new ShardRule(3, 128), false, List.of(REDIS));
    }

    @Override
    protected UnitFiles renderUnit(UnitLayout unit, Peers peers) {
        if (!unit.service().equals(REDIS.name())) {
            throw unknownService(unit);
        }
        int port = REDIS.port("redis").number();
        Settings conf = RedisFiles.redisConf(unit, port)
                .put("cluster-enabled", "yes")
                .put("cluster-config-file", "nodes.conf")
                .put("cluster-node-timeout", 15000)
                .put("cluster-announce-ip", unit.address())
                .put("cluster-announce-port", port)
                .put("cluster-announce-bus-port", REDIS.port("bus").number());
        UnitFiles files = UnitFiles.of(conf);
        return peers.first(REDIS.name()).id().equals(unit.id()) ? files.with(createScript(peers, port)) : files;
    }

    private ConfigFile createScript(Peers peers, int port) {
        List<UnitLayout> primaries = peers.shards(REDIS.name()).stream()
                .map(shard -> peers.of(REDIS.name(), shard).get(0)).toList();
        List<String> lines = new ArrayList<>(List.of(
                "#!/bin/sh",
                "# Creates Redis Cluster " + peers.group() + " once: the first unit of each of its " + primaries.size()
                        + " shards becomes a primary",
                "# and takes a share of the 16384 slots, then every other unit joins as a replica of its own",
                "# shard's primary, named by node id.",
                "set -eu",
                "redis-cli --cluster create " + String.join(" ", Peers.endpoints(primaries, port))
                        + " --cluster-replicas 0 --cluster-yes"));
        for (UnitLayout primary : primaries) {
            String masterId = "\"$(redis-cli -h " + primary.address() + " -p " + port + " cluster myid)\"";
            for (UnitLayout replica : peers.of(REDIS.name(), primary.shard())) {
                if (!replica.id().equals(primary.id())) {
                    lines.add("redis-cli --cluster add-node " + replica.address() + ":" + port + " "
                            + primary.address() + ":" + port + " --cluster-slave --cluster-master-id " + masterId);
                }
            }
        }
        return ConfigFile.lines("cluster-create.sh", lines);
    }
}
