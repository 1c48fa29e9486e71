package io.seamless.domain.engine;

import static io.seamless.domain.engine.FunctionTypes.pinned;
import static io.seamless.domain.engine.FunctionTypes.port;
import static io.seamless.domain.engine.FunctionTypes.stateful;
import static io.seamless.domain.engine.FunctionTypes.stateless;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * OceanBase (community edition): {@code observer}s in three zones (every tenant keeps one Paxos
 * replica per zone, so observers come in multiples of three) and stateless {@code obproxy}s that
 * route SQL to the right observer.
 *
 * <p>{@code observer.conf} holds the observer's start parameters, one {@code name=value} a line
 * (what {@code observer -o} and OBD take): {@code cluster} (the group) and {@code cluster_id}
 * (derived from its name), {@code zone} ({@code zone1}..{@code zone3} by ordinal modulo three, so
 * each zone gets the same number of observers; placement spreads the zones over failure domains),
 * {@code local_ip} (the unit's address; 4.2 and later select the network by it), {@code mysql_port}
 * 2881, {@code rpc_port} 2882, {@code rootservice_list} ({@code address:2882:2881} of the first
 * observer of each zone, {@code ;}-separated: where the root service replicas are bootstrapped),
 * {@code data_dir} on the volume, and log recycling on. Memory and disk sizes follow the unit's
 * resources and are set as overrides.
 *
 * <p>{@code obproxy.conf}: {@code listen_port} 2883, {@code prometheus_listen_port} 2884, {@code
 * rs_list} (the same root service observers by {@code address:2881}, their SQL port), {@code
 * cluster_name} the group, and {@code enable_cluster_checkout=false} (the proxy serves this cluster
 * only). obproxy is released on its own cadence: its image tag is pinned, not the group version.
 */
final class OceanBaseTemplate extends AbstractEngineTemplate {

    static final FunctionType OBSERVER = stateful("observer", ReplicaRule.multiplesOf(3, 3, 99), 3,
            "oceanbase/oceanbase-ce", port("sql", 2881), port("rpc", 2882));
    static final FunctionType OBPROXY = pinned(stateless("obproxy", ReplicaRule.between(1, 16), 2,
            "oceanbase/obproxy-ce", port("sql", 2883), port("prometheus", 2884)), "4.2.1.0-11");

    private static final int ZONES = 3;

    OceanBaseTemplate() {
        super("oceanbase", "cluster", Versions.of(VersionLine.from("4", "4.2.0")), ShardRule.NONE, false,
                List.of(OBSERVER, OBPROXY));
    }

    @Override
    protected UnitFiles renderUnit(UnitLayout unit, Peers peers) {
        return switch (unit.service()) {
            case "observer" -> UnitFiles.of(observer(unit, peers));
            case "obproxy" -> UnitFiles.of(obproxy(peers));
            default -> throw unknownService(unit);
        };
    }

    private Settings observer(UnitLayout unit, Peers peers) {
        int sql = OBSERVER.port("sql").number();
        int rpc = OBSERVER.port("rpc").number();
        return Settings.of("observer.conf", Syntax.PROPERTIES)
                .put("cluster", peers.group())
                .put("cluster_id", clusterId(peers.group()))
                .put("zone", zone(unit))
                .put("local_ip", unit.address())
                .put("mysql_port", sql)
                .put("rpc_port", rpc)
                .put("rootservice_list", rootServers(peers).stream()
                        .map(server -> server.address() + ":" + rpc + ":" + sql).collect(Collectors.joining(";")))
                .put("data_dir", "/var/lib/oceanbase/store")
                .put("enable_syslog_recycle", "True")
                .put("max_syslog_file_count", 4);
    }

    private Settings obproxy(Peers peers) {
        return Settings.of("obproxy.conf", Syntax.PROPERTIES)
                .put("listen_port", OBPROXY.port("sql").number())
                .put("prometheus_listen_port", OBPROXY.port("prometheus").number())
                .put("rs_list", String.join(";", Peers.endpoints(rootServers(peers), OBSERVER.port("sql").number())))
                .put("cluster_name", peers.group())
                .put("enable_cluster_checkout", "false");
    }

    static String zone(UnitLayout observer) {
        return "zone" + (observer.ordinal() % ZONES + 1);
    }

    /** The first observer of each zone, zone1 first. */
    private static List<UnitLayout> rootServers(Peers peers) {
        List<UnitLayout> firsts = new ArrayList<>();
        for (int zone = 1; zone <= ZONES; zone++) {
            String name = "zone" + zone;
            peers.of(OBSERVER.name()).stream().filter(o -> zone(o).equals(name)).findFirst().ifPresent(firsts::add);
        }
        return firsts;
    }

    /** A cluster id in OceanBase's range (1 to 4294901759), stable for a group name. */
    private static long clusterId(String group) {
        return (group.hashCode() & 0x7fffffffL) + 1;
    }
}
