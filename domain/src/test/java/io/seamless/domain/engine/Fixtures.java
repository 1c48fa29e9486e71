package io.seamless.domain.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One realistic layout per template: unit ids as the service group plans them ({@code
 * <group>-<service>[-<shard>]-<ordinal>}), addresses from 10.20.0.0/24 in blocks per service, zones
 * az1..az3 by ordinal, and at least one override.
 */
final class Fixtures {

    private static final EngineCatalogue CATALOGUE = EngineCatalogue.standard();

    private Fixtures() {
    }

    record Fixture(String name, EngineTemplate template, GroupLayout layout) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Fixture> all() {
        return List.of(
                fixture("mysql", "innodb-cluster", group("orders", "8.0.36").units("mysqld", 3, 11).units("router", 2, 21)
                        .override("mysqld", "innodb_buffer_pool_size", "2G")
                        .override("router", "max_total_connections", "1024")),
                fixture("mysql", "primary-replica", group("billing", "8.4.3").units("mysqld", 3, 11)
                        .override("mysqld", "max_connections", "2000")),
                fixture("redis", "sentinel", group("sessions", "7.2.5").units("redis", 3, 11).units("sentinel", 3, 21)
                        .override("redis", "maxmemory", "2gb")
                        .override("sentinel", "sentinel down-after-milliseconds", "sessions 3000")),
                fixture("redis", "cluster", group("cache", "7.2.5").shardedUnits("redis", 3, 2, 11)
                        .override("redis", "maxmemory-policy", "allkeys-lru")),
                fixture("mongodb", "replicaset", group("profiles", "7.0.12").units("mongod", 3, 11)
                        .override("mongod", "storage.wiredTiger.engineConfig.cacheSizeGB", "2")),
                fixture("mongodb", "sharded", group("catalog", "6.0.16").units("configsvr", 3, 11)
                        .shardedUnits("shardsvr", 2, 3, 21).units("mongos", 2, 41)
                        .override("shardsvr", "storage.wiredTiger.engineConfig.cacheSizeGB", "4")),
                fixture("elasticsearch", "cluster", group("logs", "8.13.4").units("master", 3, 11).units("data", 3, 21)
                        .units("ingest", 2, 31)
                        .override("data", "indices.memory.index_buffer_size", "20%")),
                fixture("kafka", "kraft", group("events", "3.7.1").units("controller", 3, 11).units("broker", 3, 21)
                        .override("broker", "num.partitions", "12")
                        .override("broker", "log.retention.hours", "168")),
                fixture("tidb", "cluster", group("ledger", "8.1.0").units("pd", 3, 11).units("tikv", 3, 21)
                        .units("tidb", 2, 31)
                        .override("tikv", "storage.block-cache.capacity", "4GB")
                        .override("tidb", "log.level", "warn")),
                fixture("oceanbase", "cluster", group("payments", "4.2.1.8-108000022024072217")
                        .units("observer", 6, 11).units("obproxy", 2, 21)
                        .override("observer", "memory_limit", "16G")),
                fixture("pulsar", "cluster", group("telemetry", "3.3.1").units("zookeeper", 3, 11)
                        .units("bookie", 3, 21).units("broker", 2, 31).units("proxy", 2, 41)
                        .override("broker", "brokerDeleteInactiveTopicsEnabled", "false")));
    }

    static Fixture of(String engine, String topology) {
        return all().stream().filter(f -> f.name().equals(engine + "-" + topology)).findFirst().orElseThrow();
    }

    static Builder group(String group, String version) {
        return new Builder(group, version);
    }

    private static Fixture fixture(String engine, String topology, Builder builder) {
        return new Fixture(engine + "-" + topology, CATALOGUE.template(engine, topology), builder.build());
    }

    static final class Builder {

        private final String group;
        private final String version;
        private final List<UnitLayout> units = new ArrayList<>();
        private final Map<String, Map<String, String>> overrides = new LinkedHashMap<>();

        Builder(String group, String version) {
            this.group = group;
            this.version = version;
        }

        Builder units(String service, int count, int firstHost) {
            for (int ordinal = 0; ordinal < count; ordinal++) {
                units.add(unit(service, null, ordinal, firstHost + ordinal));
            }
            return this;
        }

        Builder shardedUnits(String service, int shards, int perShard, int firstHost) {
            int host = firstHost;
            for (int shard = 0; shard < shards; shard++) {
                for (int ordinal = 0; ordinal < perShard; ordinal++) {
                    units.add(unit(service, shard, ordinal, host++));
                }
            }
            return this;
        }

        Builder override(String service, String key, String value) {
            overrides.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(key, value);
            return this;
        }

        GroupLayout build() {
            return new GroupLayout(group, version, units, overrides);
        }

        private UnitLayout unit(String service, Integer shard, int ordinal, int host) {
            String id = shard == null ? group + "-" + service + "-" + ordinal
                    : group + "-" + service + "-" + shard + "-" + ordinal;
            return new UnitLayout(id, service, shard, ordinal, "10.20.0." + host, "dc1-k8s-" + (ordinal % 3 + 1),
                    "az" + (ordinal % 3 + 1));
        }
    }
}
