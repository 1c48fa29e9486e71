package io.seamless.domain.engine;

import static io.seamless.domain.engine.FunctionTypes.port;
import static io.seamless.domain.engine.FunctionTypes.stateful;
import static io.seamless.domain.engine.FunctionTypes.stateless;

import java.util.ArrayList;
import java.util.List;

/**
 * MySQL InnoDB Cluster: {@code mysqld} members in one single-primary Group Replication group, and
 * stateless {@code router}s in front of them.
 *
 * <p>{@code my.cnf} ({@code [mysqld]}): the common member settings of {@link MySqlFiles#myCnf}, then
 * {@code plugin_load_add = group_replication.so} and the group itself: {@code
 * group_replication_group_name} (a UUID derived from the group's name, so every member agrees
 * without coordination), {@code group_replication_local_address} (the member's own address on the
 * {@code gr} port 33061, the XCom endpoint), {@code group_replication_group_seeds} (every member's
 * XCom endpoint: a joiner may contact any of them), {@code group_replication_single_primary_mode =
 * ON} with update-everywhere checks off, TLS between members, and {@code start_on_boot} / {@code
 * bootstrap_group} OFF: the first start of the group is an explicit, one-time step on the first
 * member (then {@code dba.createCluster(group, {adoptFromGR: true})}), never a side effect of a
 * restart, which could otherwise bootstrap a second group.
 *
 * <p>{@code mysqlrouter.conf} is what {@code mysqlrouter --bootstrap} would write, without its
 * account secrets: logs to the console, {@code [metadata_cache:bootstrap]} for cluster {@code <group>} read as the
 * metadata user {@code seamless_router} (its password reaches the router's keyring from a Secret),
 * {@code [routing:bootstrap_rw]} on port 6446 to the PRIMARY and {@code [routing:bootstrap_ro]} on
 * 6447 to the SECONDARY members, both bound to the unit's address. The members the router first
 * asks for metadata are in {@code state.json}, the router's {@code dynamic_state} file (it
 * superseded {@code bootstrap_server_addresses}): {@code cluster-metadata-servers} lists every
 * {@code mysql://address:3306} and {@code group-replication-id} the group name above, so a router
 * cannot attach to another group that reused these addresses. The router rewrites that file as
 * members change, so the unit copies the seed into its data folder on first start.
 */
final class MySqlInnoDbClusterTemplate extends AbstractEngineTemplate {

    static final FunctionType MYSQLD = stateful("mysqld", ReplicaRule.oddBetween(3, 9), 3, "mysql/mysql-server",
            port("mysql", 3306), port("gr", 33061));
    static final FunctionType ROUTER = stateless("router", ReplicaRule.between(1, 9), 2, "mysql/mysql-router",
            port("rw", 6446), port("ro", 6447));

    private static final String ROUTER_HOME = "/var/lib/mysqlrouter";

    MySqlInnoDbClusterTemplate() {
        super("mysql", "innodb-cluster", MySqlFiles.VERSIONS, ShardRule.NONE, true, List.of(MYSQLD, ROUTER));
    }

    @Override
    protected UnitFiles renderUnit(UnitLayout unit, Peers peers) {
        return switch (unit.service()) {
            case "mysqld" -> UnitFiles.of(myCnf(unit, peers));
            case "router" -> UnitFiles.of(routerConf(unit, peers)).with(routerState(peers));
            default -> throw unknownService(unit);
        };
    }

    private Settings myCnf(UnitLayout unit, Peers peers) {
        int gr = MYSQLD.port("gr").number();
        return MySqlFiles.myCnf(unit, MYSQLD.port("mysql").number())
                .put("plugin_load_add", "group_replication.so")
                .put("group_replication_group_name", MySqlFiles.groupReplicationName(peers.group()))
                .put("group_replication_local_address", unit.address() + ":" + gr)
                .put("group_replication_group_seeds", peers.joined("mysqld", gr, ","))
                .put("group_replication_single_primary_mode", "ON")
                .put("group_replication_enforce_update_everywhere_checks", "OFF")
                .put("group_replication_ssl_mode", "REQUIRED")
                .put("group_replication_recovery_use_ssl", "ON")
                .put("group_replication_start_on_boot", "OFF")
                .put("group_replication_bootstrap_group", "OFF");
    }

    private Settings routerConf(UnitLayout unit, Peers peers) {
        String cache = "metadata_cache:bootstrap.";
        return Settings.ini("mysqlrouter.conf", "DEFAULT")
                .put("runtime_folder", ROUTER_HOME + "/run")
                .put("data_folder", ROUTER_HOME + "/data")
                .put("keyring_path", ROUTER_HOME + "/data/keyring")
                .put("master_key_path", ROUTER_HOME + "/mysqlrouter.key")
                .put("dynamic_state", ROUTER_HOME + "/data/state.json")
                .put("connect_timeout", 5)
                .put("read_timeout", 30)
                .put("client_ssl_mode", "PASSTHROUGH")
                .put("logger.level", "INFO")
                .put("logger.sinks", "consolelog")
                .put(cache + "cluster_type", "gr")
                .put(cache + "router_id", unit.ordinal() + 1)
                .put(cache + "user", "seamless_router")
                .put(cache + "metadata_cluster", peers.group())
                .put(cache + "ttl", "0.5")
                .put(cache + "auth_cache_ttl", -1)
                .put(cache + "auth_cache_refresh_interval", 2)
                .put(cache + "use_gr_notifications", 0)
                .put("routing:bootstrap_rw.bind_address", unit.address())
                .put("routing:bootstrap_rw.bind_port", ROUTER.port("rw").number())
                .put("routing:bootstrap_rw.destinations", "metadata-cache://" + peers.group() + "/?role=PRIMARY")
                .put("routing:bootstrap_rw.routing_strategy", "first-available")
                .put("routing:bootstrap_rw.protocol", "classic")
                .put("routing:bootstrap_ro.bind_address", unit.address())
                .put("routing:bootstrap_ro.bind_port", ROUTER.port("ro").number())
                .put("routing:bootstrap_ro.destinations", "metadata-cache://" + peers.group() + "/?role=SECONDARY")
                .put("routing:bootstrap_ro.routing_strategy", "round-robin-with-fallback")
                .put("routing:bootstrap_ro.protocol", "classic");
    }

    private ConfigFile routerState(Peers peers) {
        List<String> servers = peers.endpoints("mysqld", MYSQLD.port("mysql").number()).stream()
                .map(endpoint -> "\"mysql://" + endpoint + "\"").toList();
        List<String> lines = new ArrayList<>();
        lines.add("{");
        lines.add("    \"version\": \"1.0.0\",");
        lines.add("    \"metadata-cache\": {");
        lines.add("        \"group-replication-id\": \"" + MySqlFiles.groupReplicationName(peers.group()) + "\",");
        lines.add("        \"cluster-metadata-servers\": [");
        for (int i = 0; i < servers.size(); i++) {
            lines.add("            " + servers.get(i) + (i < servers.size() - 1 ? "," : ""));
        }
        lines.add("        ]");
        lines.add("    }");
        lines.add("}");
        return ConfigFile.lines("state.json", lines);
    }
}
