package io.seamless.domain.engine;

import static io.seamless.domain.engine.FunctionTypes.perShard;
import static io.seamless.domain.engine.FunctionTypes.port;
import static io.seamless.domain.engine.FunctionTypes.stateful;
import static io.seamless.domain.engine.FunctionTypes.stateless;

import java.util.ArrayList;
import java.util.List;

/**
 * MongoDB sharded cluster: a {@code configsvr} replica set holding the cluster's metadata, one
 * {@code shardsvr} replica set per shard holding the data, and stateless {@code mongos} routers.
 *
 * <p>{@code mongod.conf} of a config server: {@link MongoFiles#memberConf} on port 27019 with {@code
 * replication.replSetName <group>-config} and {@code sharding.clusterRole configsvr}; of a shard
 * member: port 27018, {@code replSetName <group>-shard-<n>} and {@code clusterRole shardsvr} (the
 * ports are MongoDB's defaults for those roles). {@code rs-init.js} on the first member of each
 * replica set ({@code configsvr: true} for the config servers).
 *
 * <p>{@code mongos.conf}: {@code net} as a member, and {@code sharding.configDB
 * <group>-config/a:27019,b:27019,c:27019}: the config replica set by name and seed members.
 * {@code add-shards.js}, on the first mongos only: one {@code sh.addShard("<group>-shard-<n>/...")}
 * per shard, run once after the shards' replica sets are initiated.
 */
final class MongoShardedTemplate extends AbstractEngineTemplate {

    static final FunctionType CONFIGSVR = stateful("configsvr", ReplicaRule.oddBetween(3, 7), 3, MongoFiles.IMAGE,
            port("mongodb", 27019));
    static final FunctionType SHARDSVR = perShard(stateful("shardsvr", ReplicaRule.oddBetween(3, 7), 3,
            MongoFiles.IMAGE, port("mongodb", 27018)));
    static final FunctionType MONGOS = stateless("mongos", ReplicaRule.between(1, 16), 2,
            MongoFiles.IMAGE, port("mongodb", 27017));

    MongoShardedTemplate() {
        super("mongodb", "sharded", MongoFiles.VERSIONS, new ShardRule(1, 64), false,
                List.of(CONFIGSVR, SHARDSVR, MONGOS));
    }

    @Override
    protected UnitFiles renderUnit(UnitLayout unit, Peers peers) {
        return switch (unit.service()) {
            case "configsvr" -> member(unit, peers.of(CONFIGSVR.name()), configReplicaSet(peers), CONFIGSVR);
            case "shardsvr" -> member(unit, peers.of(SHARDSVR.name(), unit.shard()),
                    shardReplicaSet(peers, unit.shard()), SHARDSVR);
            case "mongos" -> mongos(unit, peers);
            default -> throw unknownService(unit);
        };
    }

    private UnitFiles member(UnitLayout unit, List<UnitLayout> members, String replicaSet, FunctionType type) {
        int port = type.port("mongodb").number();
        boolean configServer = type == CONFIGSVR;
        String dbPath = configServer ? "/data/configdb" : "/data/db";
        UnitFiles files = UnitFiles.of(MongoFiles.memberConf(unit, port, dbPath, replicaSet)
                .put("sharding.clusterRole", configServer ? "configsvr" : "shardsvr"));
        return members.get(0).id().equals(unit.id())
                ? files.with(MongoFiles.replicaSetInit(replicaSet, members, port, configServer)) : files;
    }

    private UnitFiles mongos(UnitLayout unit, Peers peers) {
        Settings conf = Settings.of("mongos.conf", Syntax.YAML)
                .put("net.port", MONGOS.port("mongodb").number())
                .put("net.bindIp", "localhost," + unit.address())
                .put("sharding.configDB", configReplicaSet(peers) + "/"
                        + peers.joined(CONFIGSVR.name(), CONFIGSVR.port("mongodb").number(), ","));
        if (!peers.first(MONGOS.name()).id().equals(unit.id())) {
            return UnitFiles.of(conf);
        }
        List<String> lines = new ArrayList<>();
        lines.add("// Adds every shard of " + peers.group() + " once: run with mongosh on " + unit.address() + ":"
                + MONGOS.port("mongodb").number() + " after each shard's rs-init.js.");
        for (Integer shard : peers.shards(SHARDSVR.name())) {
            lines.add("sh.addShard(\"" + shardReplicaSet(peers, shard) + "/" + String.join(",",
                    Peers.endpoints(peers.of(SHARDSVR.name(), shard), SHARDSVR.port("mongodb").number())) + "\");");
        }
        return UnitFiles.of(conf).with(ConfigFile.lines("add-shards.js", lines));
    }

    private static String configReplicaSet(Peers peers) {
        return peers.group() + "-config";
    }

    private static String shardReplicaSet(Peers peers, int shard) {
        return peers.group() + "-shard-" + shard;
    }
}
