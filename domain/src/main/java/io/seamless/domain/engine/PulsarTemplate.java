package io.seamless.domain.engine;

import static io.seamless.domain.engine.FunctionTypes.optional;
import static io.seamless.domain.engine.FunctionTypes.port;
import static io.seamless.domain.engine.FunctionTypes.stateful;
import static io.seamless.domain.engine.FunctionTypes.stateless;

import java.util.List;

/**
 * Apache Pulsar: {@code zookeeper} (the metadata store, an odd quorum), {@code bookie}s (BookKeeper:
 * the ledgers that hold messages), stateless {@code broker}s, and optional {@code proxy}s in front
 * of the brokers. Every type runs the one {@code apachepulsar/pulsar} image.
 *
 * <p>{@code zookeeper.cfg}: ticks and limits, {@code dataDir}, {@code clientPort} 2181, the admin
 * server off, snapshot purging, and {@code server.N=address:2888:3888} for every member (N = ordinal
 * + 1): the quorum's fixed membership. {@code myid} holds the unit's own N; ZooKeeper reads it from
 * {@code dataDir}.
 *
 * <p>{@code bookkeeper.conf}: {@code bookiePort} 3181 and {@code advertisedAddress} (the unit's
 * address is the bookie's identity in the ledger metadata, so it must not change), {@code
 * metadataServiceUri zk+hierarchical://a:2181;b:2181;c:2181/ledgers}, journal and ledger
 * directories, and the HTTP server on 8000 for health checks.
 *
 * <p>{@code broker.conf}: {@code clusterName}, {@code metadataStoreUrl zk:a:2181,b:2181,c:2181} and
 * the same {@code configurationMetadataStoreUrl} (one cluster, no global configuration store),
 * {@code brokerServicePort} 6650, {@code webServicePort} 8080, bind and advertised address, and
 * ledgers written to 2 bookies and acknowledged by 2, so one bookie can be lost. {@code proxy.conf}:
 * the same metadata store URLs (the proxy discovers brokers there), its ports and addresses.
 *
 * <p>{@code initialize-cluster-metadata.sh}, on the first ZooKeeper member only: the one-time
 * {@code pulsar initialize-cluster-metadata} naming the cluster, its metadata stores and its
 * brokers' service URLs (every broker, comma-joined).
 */
final class PulsarTemplate extends AbstractEngineTemplate {

    static final String IMAGE = "apachepulsar/pulsar";
    static final FunctionType ZOOKEEPER = stateful("zookeeper", ReplicaRule.oddBetween(3, 7), 3, IMAGE,
            port("client", 2181), port("peer", 2888), port("election", 3888));
    static final FunctionType BOOKIE = stateful("bookie", ReplicaRule.between(3, 100), 3, IMAGE,
            port("bookie", 3181), port("http", 8000));
    static final FunctionType BROKER = stateless("broker", ReplicaRule.between(1, 100), 3, IMAGE,
            port("pulsar", 6650), port("http", 8080));
    static final FunctionType PROXY = optional(stateless("proxy", ReplicaRule.between(0, 16), 2, IMAGE,
            port("pulsar", 6650), port("http", 8080)));

    PulsarTemplate() {
        super("pulsar", "cluster", Versions.of(VersionLine.of("3"), VersionLine.of("4")), ShardRule.NONE, false,
                List.of(ZOOKEEPER, BOOKIE, BROKER, PROXY));
    }

    @Override
    protected UnitFiles renderUnit(UnitLayout unit, Peers peers) {
        return switch (unit.service()) {
            case "zookeeper" -> zookeeper(unit, peers);
            case "bookie" -> UnitFiles.of(bookie(unit, peers));
            case "broker" -> UnitFiles.of(broker(unit, peers));
            case "proxy" -> UnitFiles.of(proxy(unit, peers));
            default -> throw unknownService(unit);
        };
    }

    private UnitFiles zookeeper(UnitLayout unit, Peers peers) {
        Settings conf = Settings.of("zookeeper.cfg", Syntax.PROPERTIES)
                .put("tickTime", 2000)
                .put("initLimit", 10)
                .put("syncLimit", 5)
                .put("dataDir", "/pulsar/data/zookeeper")
                .put("clientPort", ZOOKEEPER.port("client").number())
                .put("admin.enableServer", false)
                .put("autopurge.snapRetainCount", 3)
                .put("autopurge.purgeInterval", 1);
        for (UnitLayout member : peers.of(ZOOKEEPER.name())) {
            conf.put("server." + serverId(member), member.address() + ":" + ZOOKEEPER.port("peer").number() + ":"
                    + ZOOKEEPER.port("election").number());
        }
        UnitFiles files = UnitFiles.of(conf).with(ConfigFile.lines("myid", List.of(String.valueOf(serverId(unit)))));
        return peers.first(ZOOKEEPER.name()).id().equals(unit.id()) ? files.with(initializeMetadata(peers)) : files;
    }

    private Settings bookie(UnitLayout unit, Peers peers) {
        return Settings.of("bookkeeper.conf", Syntax.PROPERTIES)
                .put("bookiePort", BOOKIE.port("bookie").number())
                .put("advertisedAddress", unit.address())
                .put("useHostNameAsBookieID", false)
                .put("metadataServiceUri", "zk+hierarchical://"
                        + peers.joined(ZOOKEEPER.name(), ZOOKEEPER.port("client").number(), ";") + "/ledgers")
                .put("journalDirectories", "/pulsar/data/bookkeeper/journal")
                .put("ledgerDirectories", "/pulsar/data/bookkeeper/ledgers")
                .put("httpServerEnabled", true)
                .put("httpServerPort", BOOKIE.port("http").number());
    }

    private Settings broker(UnitLayout unit, Peers peers) {
        return frontEnd("broker.conf", unit, peers)
                .put("brokerServicePort", BROKER.port("pulsar").number())
                .put("webServicePort", BROKER.port("http").number())
                .put("managedLedgerDefaultEnsembleSize", 2)
                .put("managedLedgerDefaultWriteQuorum", 2)
                .put("managedLedgerDefaultAckQuorum", 2);
    }

    private Settings proxy(UnitLayout unit, Peers peers) {
        return frontEnd("proxy.conf", unit, peers)
                .put("servicePort", PROXY.port("pulsar").number())
                .put("webServicePort", PROXY.port("http").number());
    }

    /** What brokers and proxies share: the cluster, its metadata stores and the unit's addresses. */
    private static Settings frontEnd(String file, UnitLayout unit, Peers peers) {
        String store = metadataStore(peers);
        return Settings.of(file, Syntax.PROPERTIES)
                .put("clusterName", peers.group())
                .put("metadataStoreUrl", store)
                .put("configurationMetadataStoreUrl", store)
                .put("bindAddress", unit.address())
                .put("advertisedAddress", unit.address());
    }

    private ConfigFile initializeMetadata(Peers peers) {
        String store = metadataStore(peers);
        return ConfigFile.lines("initialize-cluster-metadata.sh", List.of(
                "#!/bin/sh",
                "# Writes the metadata of Pulsar cluster " + peers.group() + " once, before its bookies and brokers"
                        + " start.",
                "set -eu",
                "bin/pulsar initialize-cluster-metadata \\",
                "  --cluster " + peers.group() + " \\",
                "  --metadata-store " + store + " \\",
                "  --configuration-metadata-store " + store + " \\",
                "  --web-service-url http://" + peers.joined(BROKER.name(), BROKER.port("http").number(), ",") + " \\",
                "  --broker-service-url pulsar://" + peers.joined(BROKER.name(), BROKER.port("pulsar").number(), ",")));
    }

    private static String metadataStore(Peers peers) {
        return "zk:" + peers.joined(ZOOKEEPER.name(), ZOOKEEPER.port("client").number(), ",");
    }

    private static int serverId(UnitLayout member) {
        return member.ordinal() + 1;
    }
}
