package io.seamless.domain.engine;

/** What the two Redis topologies share: their versions, image and the redis.conf of any data node. */
final class RedisFiles {

    static final Versions VERSIONS = Versions.of(VersionLine.of("6.2"), VersionLine.of("7"));
    static final String IMAGE = "redis";

    private RedisFiles() {
    }

    /**
     * {@code bind} to the unit's address (and loopback, for the container's own probes), {@code
     * port}, data in {@code /data} (the volume), and the append-only file on: a node that restarts
     * reloads every acknowledged write instead of the last snapshot.
     */
    static Settings redisConf(UnitLayout unit, int port) {
        return Settings.of("redis.conf", Syntax.SPACED)
                .put("bind", unit.address() + " 127.0.0.1")
                .put("port", port)
                .put("dir", "/data")
                .put("appendonly", "yes");
    }
}
