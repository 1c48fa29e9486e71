package io.seamless.domain.engine;

import static io.seamless.domain.engine.FunctionTypes.port;
import static io.seamless.domain.engine.FunctionTypes.stateful;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Apache Kafka in KRaft mode: an odd number of {@code controller}s (the Raft quorum holding the
 * metadata) and {@code broker}s; no ZooKeeper.
 *
 * <p>{@code server.properties}: {@code process.roles} (controller or broker), {@code node.id}
 * (controllers 1 + ordinal, brokers 100 + ordinal: unique across the group and stable for a unit),
 * {@code controller.quorum.voters} ({@code id@address:9093} of every controller: the static quorum
 * every node must agree on), {@code controller.listener.names CONTROLLER} and {@code
 * listener.security.protocol.map}; a controller listens on {@code CONTROLLER://address:9093}; a
 * broker on {@code PLAINTEXT://address:9092}, advertised as is, which is also its inter-broker
 * listener; {@code log.dirs} on the volume. Brokers also get replication defaults sized to the
 * broker count: replication factor {@code min(3, brokers)} for new, offsets and transaction topics
 * and {@code min.insync.replicas} 2 once there are three brokers, so one broker can be lost
 * without losing an acknowledged write.
 *
 * <p>{@code cluster-id}: the cluster id every node's storage is formatted with ({@code
 * kafka-storage.sh format -t}), derived from the group's name so all units agree.
 */
final class KafkaKraftTemplate extends AbstractEngineTemplate {

    static final String IMAGE = "apache/kafka";
    static final FunctionType CONTROLLER = stateful("controller", ReplicaRule.oddBetween(3, 7), 3, IMAGE,
            port("controller", 9093));
    static final FunctionType BROKER = stateful("broker", ReplicaRule.between(1, 100), 3, IMAGE,
            port("client", 9092));

    private static final int BROKER_ID_BASE = 100;

    KafkaKraftTemplate() {
        super("kafka", "kraft", Versions.of(VersionLine.from("3", "3.7.0"), VersionLine.of("4")), ShardRule.NONE,
                false, List.of(CONTROLLER, BROKER));
    }

    @Override
    protected UnitFiles renderUnit(UnitLayout unit, Peers peers) {
        boolean controller = unit.service().equals(CONTROLLER.name());
        if (!controller && !unit.service().equals(BROKER.name())) {
            throw unknownService(unit);
        }
        Settings conf = Settings.of("server.properties", Syntax.PROPERTIES)
                .put("process.roles", unit.service())
                .put("node.id", nodeId(unit))
                .put("controller.quorum.voters", voters(peers))
                .put("controller.listener.names", "CONTROLLER")
                .put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        if (controller) {
            conf.put("listeners", "CONTROLLER://" + unit.address() + ":" + CONTROLLER.port("controller").number());
        } else {
            brokerSettings(conf, unit, peers.of(BROKER.name()).size());
        }
        conf.put("log.dirs", "/var/lib/kafka/data");
        return UnitFiles.of(conf).with(ConfigFile.lines("cluster-id", List.of(clusterId(peers.group()))));
    }

    private static void brokerSettings(Settings conf, UnitLayout unit, int brokers) {
        String listener = "PLAINTEXT://" + unit.address() + ":" + BROKER.port("client").number();
        int replication = Math.min(3, brokers);
        int minInSync = replication >= 3 ? 2 : 1;
        conf.put("listeners", listener)
                .put("advertised.listeners", listener)
                .put("inter.broker.listener.name", "PLAINTEXT")
                .put("default.replication.factor", replication)
                .put("min.insync.replicas", minInSync)
                .put("offsets.topic.replication.factor", replication)
                .put("transaction.state.log.replication.factor", replication)
                .put("transaction.state.log.min.isr", minInSync);
    }

    private static int nodeId(UnitLayout unit) {
        return unit.service().equals(CONTROLLER.name()) ? unit.ordinal() + 1 : BROKER_ID_BASE + unit.ordinal();
    }

    private static String voters(Peers peers) {
        int port = CONTROLLER.port("controller").number();
        return peers.of(CONTROLLER.name()).stream().map(c -> nodeId(c) + "@" + c.address() + ":" + port)
                .collect(Collectors.joining(","));
    }

    /** A Kafka cluster id: the 16 bytes of a name-based UUID, URL-safe base64 without padding (22 characters). */
    static String clusterId(String group) {
        UUID uuid = UUID.nameUUIDFromBytes(("seamless/kafka/" + group).getBytes(StandardCharsets.UTF_8));
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
