package io.seamless.domain.engine;

import static io.seamless.domain.engine.FunctionTypes.port;
import static io.seamless.domain.engine.FunctionTypes.stateful;
import static io.seamless.domain.engine.FunctionTypes.stateless;

import java.util.List;

/**
 * Redis with Sentinel: {@code redis} data nodes (one primary, the others its replicas) and an odd
 * number of {@code sentinel}s that elect a new primary when it fails.
 *
 * <p>{@code redis.conf}: the common settings of {@link RedisFiles#redisConf}, {@code
 * replica-announce-ip} (the address sentinels and clients are told), and on every node but the
 * primary ({@link GroupLayout#primary()}, else the first unit) {@code replicaof <primary address> 6379}. After a failover the
 * sentinels re-point replicas at run time; a file is only where a node starts from.
 *
 * <p>{@code sentinel.conf}: {@code bind}, {@code port 26379}, {@code sentinel announce-ip}, then
 * {@code sentinel monitor <group> <primary> 6379 <quorum>}: the master name is the group's
 * name and the quorum a majority of the sentinels, so no minority can start a failover; {@code
 * down-after-milliseconds} 5000, {@code failover-timeout} 60000 and {@code parallel-syncs} 1 (one
 * replica resynchronises at a time, the others keep serving reads). Sentinel rewrites its file at
 * run time, so the unit copies it to a writable path; after a restart a sentinel learns the current
 * primary from its peers' hello messages.
 */
final class RedisSentinelTemplate extends AbstractEngineTemplate {

    static final FunctionType REDIS = stateful("redis", ReplicaRule.between(2, 9), 3, RedisFiles.IMAGE,
            port("redis", 6379));
    static final FunctionType SENTINEL = stateless("sentinel", ReplicaRule.oddBetween(3, 7), 3, RedisFiles.IMAGE,
            port("sentinel", 26379));

    RedisSentinelTemplate() {
        super("redis", "sentinel", RedisFiles.VERSIONS, ShardRule.NONE, true, List.of(REDIS, SENTINEL));
    }

    @Override
    protected UnitFiles renderUnit(UnitLayout unit, Peers peers) {
        return switch (unit.service()) {
            case "redis" -> UnitFiles.of(redisConf(unit, peers));
            case "sentinel" -> UnitFiles.of(sentinelConf(unit, peers));
            default -> throw unknownService(unit);
        };
    }

    private Settings redisConf(UnitLayout unit, Peers peers) {
        int port = REDIS.port("redis").number();
        Settings conf = RedisFiles.redisConf(unit, port).put("replica-announce-ip", unit.address());
        UnitLayout primary = peers.primary(REDIS.name());
        if (!primary.id().equals(unit.id())) {
            conf.put("replicaof", primary.address() + " " + port);
        }
        return conf;
    }

    private Settings sentinelConf(UnitLayout unit, Peers peers) {
        int port = SENTINEL.port("sentinel").number();
        String group = peers.group();
        int quorum = peers.of(SENTINEL.name()).size() / 2 + 1;
        UnitLayout primary = peers.primary(REDIS.name());
        return Settings.of("sentinel.conf", Syntax.SPACED)
                .put("bind", unit.address() + " 127.0.0.1")
                .put("port", port)
                .put("dir", "/tmp")
                .put("sentinel announce-ip", unit.address())
                .put("sentinel announce-port", port)
                .put("sentinel monitor", group + " " + primary.address() + " " + REDIS.port("redis").number() + " "
                        + quorum)
                .put("sentinel down-after-milliseconds", group + " 5000")
                .put("sentinel failover-timeout", group + " 60000")
                .put("sentinel parallel-syncs", group + " 1");
    }
}
