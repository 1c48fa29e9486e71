package io.seamless.domain.engine;

import static io.seamless.domain.engine.FunctionTypes.port;
import static io.seamless.domain.engine.FunctionTypes.stateful;

import java.util.List;

/**
 * MongoDB replica set: an odd number of {@code mongod} members, one of them primary by election.
 *
 * <p>{@code mongod.conf} (YAML): {@link MongoFiles#memberConf} with {@code replication.replSetName}
 * the group's name. {@code rs-init.js}, on the first member only: {@code rs.initiate} with every
 * member's {@code address:27017}, so the set is created once with its full membership rather than
 * grown member by member.
 */
final class MongoReplicaSetTemplate extends AbstractEngineTemplate {

    static final FunctionType MONGOD = stateful("mongod", ReplicaRule.oddBetween(3, 7), 3, MongoFiles.IMAGE,
            port("mongodb", 27017));

    MongoReplicaSetTemplate() {
        super("mongodb", "replicaset", MongoFiles.VERSIONS, ShardRule.NONE, true, List.of(MONGOD));
    }

    @Override
    protected UnitFiles renderUnit(UnitLayout unit, Peers peers) {
        if (!unit.service().equals(MONGOD.name())) {
            throw unknownService(unit);
        }
        int port = MONGOD.port("mongodb").number();
        UnitFiles files = UnitFiles.of(MongoFiles.memberConf(unit, port, "/data/db", peers.group()));
        List<UnitLayout> members = peers.of(MONGOD.name());
        return members.get(0).id().equals(unit.id())
                ? files.with(MongoFiles.replicaSetInit(peers.group(), members, port, false)) : files;
    }
}
