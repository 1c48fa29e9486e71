package io.seamless.domain.engine;

import static io.seamless.domain.engine.FunctionTypes.optional;
import static io.seamless.domain.engine.FunctionTypes.port;
import static io.seamless.domain.engine.FunctionTypes.stateful;
import static io.seamless.domain.engine.FunctionTypes.stateless;

import java.util.List;

/**
 * Elasticsearch cluster: dedicated {@code master}-eligible nodes (an odd number, for the voting
 * configuration), {@code data} nodes, and optional dedicated {@code ingest} nodes.
 *
 * <p>{@code elasticsearch.yml}: {@code cluster.name} (the group; nodes only join a cluster of their
 * name), {@code node.name} (the unit id, stable across restarts), {@code node.roles} ({@code
 * [master]}, {@code [ingest]}, or {@code [data]}; data nodes also take {@code ingest} when the
 * group has no ingest nodes, so pipelines always have somewhere to run), {@code network.host} (the
 * unit's address: bound and published), {@code http.port} 9200, {@code transport.port} 9300,
 * {@code discovery.seed_hosts} (every master's {@code address:9300}: how any node finds the
 * cluster), {@code cluster.initial_master_nodes} on master nodes only (the master unit ids: the
 * first election's voters; Elasticsearch ignores it once the cluster has formed) and {@code
 * path.data}. Security stays on: 8.x refuses to form a multi-node cluster without transport TLS, so
 * {@code xpack.security.transport.ssl} reads {@code certs/transport.p12}, which the unit mounts
 * from a Secret.
 */
final class ElasticsearchTemplate extends AbstractEngineTemplate {

    static final String IMAGE = "docker.elastic.co/elasticsearch/elasticsearch";
    static final FunctionType MASTER = stateful("master", ReplicaRule.oddBetween(3, 7), 3, IMAGE,
            port("http", 9200), port("transport", 9300));
    static final FunctionType DATA = stateful("data", ReplicaRule.between(1, 100), 3, IMAGE,
            port("http", 9200), port("transport", 9300));
    static final FunctionType INGEST = optional(stateless("ingest", ReplicaRule.between(0, 20), 2, IMAGE,
            port("http", 9200), port("transport", 9300)));

    private static final String KEYSTORE = "certs/transport.p12";

    ElasticsearchTemplate() {
        super("elasticsearch", "cluster", Versions.of(VersionLine.of("7.17"), VersionLine.of("8")), ShardRule.NONE,
                false, List.of(MASTER, DATA, INGEST));
    }

    @Override
    protected UnitFiles renderUnit(UnitLayout unit, Peers peers) {
        if (!List.of(MASTER.name(), DATA.name(), INGEST.name()).contains(unit.service())) {
            throw unknownService(unit);
        }
        int transport = MASTER.port("transport").number();
        Settings conf = Settings.of("elasticsearch.yml", Syntax.FLAT_YAML)
                .put("cluster.name", peers.group())
                .put("node.name", unit.id())
                .put("node.roles", roles(unit, peers))
                .put("network.host", unit.address())
                .put("http.port", MASTER.port("http").number())
                .put("transport.port", transport)
                .put("discovery.seed_hosts", peers.endpoints(MASTER.name(), transport));
        if (unit.service().equals(MASTER.name())) {
            conf.put("cluster.initial_master_nodes", peers.of(MASTER.name()).stream().map(UnitLayout::id).toList());
        }
        return UnitFiles.of(conf
                .put("path.data", "/usr/share/elasticsearch/data")
                .put("xpack.security.enabled", true)
                .put("xpack.security.transport.ssl.enabled", true)
                .put("xpack.security.transport.ssl.verification_mode", "certificate")
                .put("xpack.security.transport.ssl.keystore.path", KEYSTORE)
                .put("xpack.security.transport.ssl.truststore.path", KEYSTORE));
    }

    private static List<String> roles(UnitLayout unit, Peers peers) {
        if (unit.service().equals(DATA.name()) && peers.of(INGEST.name()).isEmpty()) {
            return List.of("data", "ingest");
        }
        return List.of(unit.service());
    }
}
