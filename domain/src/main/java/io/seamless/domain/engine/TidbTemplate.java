package io.seamless.domain.engine;

import static io.seamless.domain.engine.FunctionTypes.port;
import static io.seamless.domain.engine.FunctionTypes.stateful;
import static io.seamless.domain.engine.FunctionTypes.stateless;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * TiDB: {@code pd} (the placement driver: an odd etcd-based quorum holding the cluster's metadata
 * and timestamps), {@code tikv} (the storage nodes, Raft groups of three replicas) and stateless
 * {@code tidb} SQL servers. Images are tagged {@code v<version>}.
 *
 * <p>{@code pd.toml}: {@code name} (the unit id), {@code data-dir}, {@code client-urls} and {@code
 * peer-urls} on the unit's address (2379, 2380) and advertised as such, {@code initial-cluster}
 * ({@code name=http://address:2380} of every PD: the etcd bootstrap membership) with {@code
 * initial-cluster-state = "new"} (a PD added later starts with {@code --join} instead), and {@code
 * [replication]}: three replicas placed apart by {@code location-labels}.
 *
 * <p>{@code tikv.toml}: {@code [server]} {@code addr}, {@code advertise-addr} (20160) and {@code
 * status-addr} (20180) on the unit's address, {@code [server.labels]} with the unit's {@code zone}
 * (when it has one) and {@code host} (the unit id, so two replicas never share a unit), {@code
 * [storage] data-dir} and {@code [pd] endpoints} (every PD's {@code address:2379}).
 *
 * <p>{@code tidb.toml}: {@code host} and {@code advertise-address} (the unit's address), {@code port}
 * 4000, {@code store = "tikv"}, {@code path} (the PD endpoints, comma-joined, as TiDB expects) and
 * {@code [status]} on 10080.
 */
final class TidbTemplate extends AbstractEngineTemplate {

    static final FunctionType PD = stateful("pd", ReplicaRule.oddBetween(3, 7), 3, "pingcap/pd",
            port("client", 2379), port("peer", 2380));
    static final FunctionType TIKV = stateful("tikv", ReplicaRule.between(3, 100), 3, "pingcap/tikv",
            port("server", 20160), port("status", 20180));
    static final FunctionType TIDB = stateless("tidb", ReplicaRule.between(1, 50), 2, "pingcap/tidb",
            port("mysql", 4000), port("status", 10080));

    TidbTemplate() {
        super("tidb", "cluster", Versions.tagged("v", VersionLine.of("7"), VersionLine.of("8")), ShardRule.NONE,
                false, List.of(PD, TIKV, TIDB));
    }

    @Override
    protected UnitFiles renderUnit(UnitLayout unit, Peers peers) {
        return switch (unit.service()) {
            case "pd" -> UnitFiles.of(pd(unit, peers));
            case "tikv" -> UnitFiles.of(tikv(unit, peers));
            case "tidb" -> UnitFiles.of(tidb(unit, peers));
            default -> throw unknownService(unit);
        };
    }

    private Settings pd(UnitLayout unit, Peers peers) {
        String clientUrl = "http://" + unit.address() + ":" + PD.port("client").number();
        String peerUrl = "http://" + unit.address() + ":" + PD.port("peer").number();
        String initialCluster = peers.of(PD.name()).stream()
                .map(pd -> pd.id() + "=http://" + pd.address() + ":" + PD.port("peer").number())
                .collect(Collectors.joining(","));
        return Settings.of("pd.toml", Syntax.TOML)
                .put("name", unit.id())
                .put("data-dir", "/var/lib/pd")
                .put("client-urls", clientUrl)
                .put("advertise-client-urls", clientUrl)
                .put("peer-urls", peerUrl)
                .put("advertise-peer-urls", peerUrl)
                .put("initial-cluster", initialCluster)
                .put("initial-cluster-state", "new")
                .put("replication.max-replicas", 3)
                .put("replication.location-labels", locationLabels(peers));
    }

    private Settings tikv(UnitLayout unit, Peers peers) {
        Settings conf = Settings.of("tikv.toml", Syntax.TOML)
                .put("server.addr", unit.address() + ":" + TIKV.port("server").number())
                .put("server.advertise-addr", unit.address() + ":" + TIKV.port("server").number())
                .put("server.status-addr", unit.address() + ":" + TIKV.port("status").number());
        if (zoned(peers)) {
            conf.put("server.labels.zone", unit.zone() == null ? "unknown" : unit.zone());
        }
        return conf.put("server.labels.host", unit.id())
                .put("storage.data-dir", "/var/lib/tikv")
                .put("pd.endpoints", peers.endpoints(PD.name(), PD.port("client").number()));
    }

    private Settings tidb(UnitLayout unit, Peers peers) {
        return Settings.of("tidb.toml", Syntax.TOML)
                .put("host", unit.address())
                .put("advertise-address", unit.address())
                .put("port", TIDB.port("mysql").number())
                .put("store", "tikv")
                .put("path", peers.joined(PD.name(), PD.port("client").number(), ","))
                .put("status.status-host", unit.address())
                .put("status.status-port", TIDB.port("status").number());
    }

    /** Zone then host when the TiKV units know their zones, so PD spreads a region's replicas over zones. */
    private static List<String> locationLabels(Peers peers) {
        return zoned(peers) ? List.of("zone", "host") : List.of("host");
    }

    private static boolean zoned(Peers peers) {
        return peers.of(TIKV.name()).stream().map(UnitLayout::zone).anyMatch(Objects::nonNull);
    }
}
