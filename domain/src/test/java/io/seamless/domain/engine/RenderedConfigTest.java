package io.seamless.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamless.domain.engine.Fixtures.Fixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The key lines of each engine's configuration, asserted independently of the golden files: the
 * goldens pin every byte, these say which bytes matter and why.
 */
class RenderedConfigTest {

    private static String file(Map<String, List<ConfigFile>> rendered, String unit, String name) {
        return rendered.get(unit).stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(unit + " has no " + name + ": " + rendered.get(unit)))
                .content();
    }

    private static Map<String, List<ConfigFile>> render(String engine, String topology) {
        Fixture fixture = Fixtures.of(engine, topology);
        return fixture.template().render(fixture.layout());
    }

    private static List<String> lines(String content) {
        return List.of(content.split("\n"));
    }

    @Test
    void innoDbClusterMembersSeedEachOtherAndAgreeOnOneGroupName() {
        Map<String, List<ConfigFile>> rendered = render("mysql", "innodb-cluster");
        String groupName = UUID.nameUUIDFromBytes("seamless/mysql/orders".getBytes(StandardCharsets.UTF_8)).toString();
        for (int i = 0; i < 3; i++) {
            String myCnf = file(rendered, "orders-mysqld-" + i, "my.cnf");
            assertThat(lines(myCnf)).contains(
                    "group_replication_group_seeds = 10.20.0.11:33061,10.20.0.12:33061,10.20.0.13:33061",
                    "group_replication_local_address = 10.20.0.1" + (i + 1) + ":33061",
                    "group_replication_group_name = " + groupName,
                    "server_id = " + (1001 + i),
                    "report_host = 10.20.0.1" + (i + 1),
                    "gtid_mode = ON", "enforce_gtid_consistency = ON", "group_replication_single_primary_mode = ON");
            assertThat(lines(myCnf).get(1)).isEqualTo("[mysqld]");
            assertThat(lines(myCnf)).last().isEqualTo("innodb_buffer_pool_size = 2G");
        }
    }

    @Test
    void routersSendWritesToThePrimaryAndReadsToSecondariesAndKnowEveryMember() {
        Map<String, List<ConfigFile>> rendered = render("mysql", "innodb-cluster");
        String conf = file(rendered, "orders-router-1", "mysqlrouter.conf");
        assertThat(conf).contains("[routing:bootstrap_rw]\nbind_address = 10.20.0.22\nbind_port = 6446\n"
                + "destinations = metadata-cache://orders/?role=PRIMARY\n");
        assertThat(conf).contains("[routing:bootstrap_ro]\nbind_address = 10.20.0.22\nbind_port = 6447\n"
                + "destinations = metadata-cache://orders/?role=SECONDARY\n");
        assertThat(conf).contains("[DEFAULT]\n").contains("max_total_connections = 1024\n\n[logger]");
        assertThat(file(rendered, "orders-router-1", "state.json")).contains("\"mysql://10.20.0.11:3306\",",
                "\"mysql://10.20.0.12:3306\",", "\"mysql://10.20.0.13:3306\"\n",
                MySqlFiles.groupReplicationName("orders"));
    }

    @Test
    void primaryReplicaReplicasFollowTheFirstUnitAndThePrimaryHasNoSource() {
        Map<String, List<ConfigFile>> rendered = render("mysql", "primary-replica");
        assertThat(rendered.get("billing-mysqld-0")).extracting(ConfigFile::name).containsExactly("my.cnf");
        assertThat(file(rendered, "billing-mysqld-2", "replication.sql"))
                .contains("SOURCE_HOST = '10.20.0.11',", "SOURCE_PORT = 3306,", "SOURCE_AUTO_POSITION = 1,");
        assertThat(lines(file(rendered, "billing-mysqld-2", "my.cnf"))).contains("server_id = 1003",
                "super_read_only = ON", "gtid_mode = ON");
    }

    @Test
    void sentinelsMonitorTheFirstRedisWithAMajorityQuorumAndReplicasFollowIt() {
        Map<String, List<ConfigFile>> rendered = render("redis", "sentinel");
        assertThat(lines(file(rendered, "sessions-redis-2", "redis.conf"))).contains("replicaof 10.20.0.11 6379",
                "bind 10.20.0.13 127.0.0.1", "port 6379");
        assertThat(file(rendered, "sessions-redis-0", "redis.conf")).doesNotContain("replicaof");
        assertThat(lines(file(rendered, "sessions-sentinel-0", "sentinel.conf")))
                .contains("sentinel monitor sessions 10.20.0.11 6379 2")
                .containsOnlyOnce("sentinel down-after-milliseconds sessions 3000")
                .doesNotContain("sentinel down-after-milliseconds sessions 5000");
        GroupLayout five = Fixtures.group("s", "6.2.14").units("redis", 2, 11).units("sentinel", 5, 21).build();
        assertThat(new RedisSentinelTemplate().render(five).get("s-sentinel-4").get(0).content())
                .contains("sentinel monitor s 10.20.0.11 6379 3\n");
    }

    @Test
    void redisClusterNodesAnnounceTheirAddressAndTheFirstNodeCreatesTheCluster() {
        Map<String, List<ConfigFile>> rendered = render("redis", "cluster");
        assertThat(lines(file(rendered, "cache-redis-2-1", "redis.conf"))).contains("cluster-enabled yes",
                "cluster-announce-ip 10.20.0.16", "cluster-announce-bus-port 16379");
        String script = file(rendered, "cache-redis-0-0", "cluster-create.sh");
        assertThat(lines(script)).contains(
                "redis-cli --cluster create 10.20.0.11:6379 10.20.0.13:6379 10.20.0.15:6379 --cluster-replicas 0"
                        + " --cluster-yes",
                "redis-cli --cluster add-node 10.20.0.16:6379 10.20.0.15:6379 --cluster-slave --cluster-master-id"
                        + " \"$(redis-cli -h 10.20.0.15 -p 6379 cluster myid)\"");
        rendered.forEach((unit, files) -> assertThat(files).extracting(ConfigFile::name)
                .contains("redis.conf").hasSize(unit.equals("cache-redis-0-0") ? 2 : 1));
    }

    @Test
    void mongoReplicaSetMembersShareTheSetAndTheFirstInitiatesItWithEveryMember() {
        Map<String, List<ConfigFile>> rendered = render("mongodb", "replicaset");
        assertThat(file(rendered, "profiles-mongod-1", "mongod.conf"))
                .contains("replication:\n  replSetName: profiles\n", "  bindIp: localhost,10.20.0.12\n");
        assertThat(file(rendered, "profiles-mongod-0", "rs-init.js")).contains("_id: \"profiles\"",
                "{ _id: 0, host: \"10.20.0.11:27017\" },", "{ _id: 2, host: \"10.20.0.13:27017\" }");
        assertThat(rendered.get("profiles-mongod-1")).hasSize(1);
    }

    @Test
    void mongoShardsAndConfigServersHaveTheirRolesAndMongosFindsTheConfigSet() {
        Map<String, List<ConfigFile>> rendered = render("mongodb", "sharded");
        assertThat(file(rendered, "catalog-configsvr-2", "mongod.conf"))
                .contains("replSetName: catalog-config\n", "clusterRole: configsvr\n", "port: 27019\n");
        assertThat(file(rendered, "catalog-shardsvr-1-2", "mongod.conf"))
                .contains("replSetName: catalog-shard-1\n", "clusterRole: shardsvr\n", "port: 27018\n");
        assertThat(file(rendered, "catalog-mongos-1", "mongos.conf"))
                .contains("configDB: \"catalog-config/10.20.0.11:27019,10.20.0.12:27019,10.20.0.13:27019\"");
        assertThat(file(rendered, "catalog-mongos-0", "add-shards.js"))
                .contains("sh.addShard(\"catalog-shard-1/10.20.0.24:27018,10.20.0.25:27018,10.20.0.26:27018\");");
        assertThat(file(rendered, "catalog-shardsvr-1-0", "rs-init.js")).contains("_id: \"catalog-shard-1\"")
                .doesNotContain("configsvr");
    }

    @Test
    void elasticsearchNodesFindTheMastersAndOnlyMastersVoteInTheFirstElection() {
        Map<String, List<ConfigFile>> rendered = render("elasticsearch", "cluster");
        String seeds = "discovery.seed_hosts: [\"10.20.0.11:9300\", \"10.20.0.12:9300\", \"10.20.0.13:9300\"]";
        assertThat(lines(file(rendered, "logs-master-1", "elasticsearch.yml"))).contains(seeds,
                "cluster.initial_master_nodes: [\"logs-master-0\", \"logs-master-1\", \"logs-master-2\"]",
                "node.roles: [\"master\"]", "node.name: logs-master-1", "cluster.name: logs");
        assertThat(lines(file(rendered, "logs-data-2", "elasticsearch.yml"))).contains(seeds, "node.roles: [\"data\"]")
                .noneMatch(line -> line.startsWith("cluster.initial_master_nodes"))
                .last().isEqualTo("indices.memory.index_buffer_size: 20%");
        GroupLayout noIngest = Fixtures.group("l", "7.17.21").units("master", 3, 11).units("data", 1, 21).build();
        assertThat(new ElasticsearchTemplate().render(noIngest).get("l-data-0").get(0).content())
                .contains("node.roles: [\"data\", \"ingest\"]\n");
    }

    @Test
    void kafkaNodesHaveUniqueIdsAndOneQuorumAndReplicationFollowsTheBrokerCount() {
        Map<String, List<ConfigFile>> rendered = render("kafka", "kraft");
        String voters = "controller.quorum.voters=1@10.20.0.11:9093,2@10.20.0.12:9093,3@10.20.0.13:9093";
        assertThat(lines(file(rendered, "events-controller-2", "server.properties"))).contains(voters,
                "node.id=3", "process.roles=controller", "listeners=CONTROLLER://10.20.0.13:9093");
        assertThat(lines(file(rendered, "events-broker-1", "server.properties"))).contains(voters, "node.id=101",
                "advertised.listeners=PLAINTEXT://10.20.0.22:9092", "min.insync.replicas=2");
        assertThat(rendered.values()).allSatisfy(files -> assertThat(files).contains(
                new ConfigFile("cluster-id", KafkaKraftTemplate.clusterId("events") + "\n")));
        assertThat(KafkaKraftTemplate.clusterId("events")).hasSize(22).matches("[A-Za-z0-9_-]+");
        GroupLayout single = Fixtures.group("e", "4.0.0").units("controller", 3, 11).units("broker", 1, 21).build();
        assertThat(new KafkaKraftTemplate().render(single).get("e-broker-0").get(0).content())
                .contains("default.replication.factor=1\nmin.insync.replicas=1\n");
    }

    @Test
    void tidbComponentsAllPointAtEveryPd() {
        Map<String, List<ConfigFile>> rendered = render("tidb", "cluster");
        assertThat(file(rendered, "ledger-pd-2", "pd.toml")).contains("initial-cluster = \"ledger-pd-0=http://10.20.0.11:2380,"
                + "ledger-pd-1=http://10.20.0.12:2380,ledger-pd-2=http://10.20.0.13:2380\"\n",
                "client-urls = \"http://10.20.0.13:2379\"\n", "name = \"ledger-pd-2\"\n");
        assertThat(file(rendered, "ledger-tikv-0", "tikv.toml"))
                .contains("[pd]\nendpoints = [\"10.20.0.11:2379\", \"10.20.0.12:2379\", \"10.20.0.13:2379\"]\n",
                        "[server.labels]\nzone = \"az1\"\nhost = \"ledger-tikv-0\"\n");
        assertThat(file(rendered, "ledger-tidb-1", "tidb.toml"))
                .contains("path = \"10.20.0.11:2379,10.20.0.12:2379,10.20.0.13:2379\"\n", "store = \"tikv\"\n");
    }

    @Test
    void oceanBaseObserversSpreadOverThreeZonesAndShareOneRootServiceList() {
        Map<String, List<ConfigFile>> rendered = render("oceanbase", "cluster");
        String rsList = "rootservice_list=10.20.0.11:2882:2881;10.20.0.12:2882:2881;10.20.0.13:2882:2881";
        for (int ordinal = 0; ordinal < 6; ordinal++) {
            assertThat(lines(file(rendered, "payments-observer-" + ordinal, "observer.conf")))
                    .contains(rsList, "zone=zone" + (ordinal % 3 + 1), "local_ip=10.20.0.1" + (ordinal + 1));
        }
        assertThat(lines(file(rendered, "payments-obproxy-1", "obproxy.conf")))
                .contains("rs_list=10.20.0.11:2881;10.20.0.12:2881;10.20.0.13:2881", "listen_port=2883");
    }

    @Test
    void pulsarComponentsShareTheZooKeeperQuorum() {
        Map<String, List<ConfigFile>> rendered = render("pulsar", "cluster");
        assertThat(lines(file(rendered, "telemetry-zookeeper-1", "zookeeper.cfg"))).contains(
                "server.1=10.20.0.11:2888:3888", "server.2=10.20.0.12:2888:3888", "server.3=10.20.0.13:2888:3888");
        assertThat(file(rendered, "telemetry-zookeeper-1", "myid")).isEqualTo("2\n");
        assertThat(lines(file(rendered, "telemetry-bookie-2", "bookkeeper.conf"))).contains(
                "metadataServiceUri=zk+hierarchical://10.20.0.11:2181;10.20.0.12:2181;10.20.0.13:2181/ledgers");
        String store = "zk:10.20.0.11:2181,10.20.0.12:2181,10.20.0.13:2181";
        assertThat(lines(file(rendered, "telemetry-broker-0", "broker.conf")))
                .contains("metadataStoreUrl=" + store, "configurationMetadataStoreUrl=" + store);
        assertThat(lines(file(rendered, "telemetry-proxy-1", "proxy.conf"))).contains("metadataStoreUrl=" + store);
    }
}
