package io.seamless.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seamless.domain.common.DomainException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The standard catalogue: what it holds, how it is looked up, and every template's data. */
class EngineCatalogueTest {

    private static final EngineCatalogue CATALOGUE = EngineCatalogue.standard();

    @Test
    void holdsOneTemplatePerEngineAndTopology() {
        assertThat(CATALOGUE.templates()).extracting(t -> t.engine() + "/" + t.topology()).containsExactly(
                "mysql/innodb-cluster", "mysql/primary-replica", "redis/sentinel", "redis/cluster",
                "mongodb/replicaset", "mongodb/sharded", "elasticsearch/cluster", "kafka/kraft", "tidb/cluster",
                "oceanbase/cluster", "pulsar/cluster");
        assertThat(CATALOGUE.template("redis", "cluster")).isInstanceOf(RedisClusterTemplate.class);
    }

    @Test
    void refusesAnUnknownEngineNamingTheKnownOnes() {
        assertThatThrownBy(() -> CATALOGUE.template("postgres", "patroni"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(EngineError.UNKNOWN_ENGINE))
                .hasMessage("unknown engine 'postgres'; known: [mysql, redis, mongodb, elasticsearch, kafka, tidb,"
                        + " oceanbase, pulsar]");
    }

    @Test
    void refusesAnUnknownTopologyNamingTheEnginesTopologies() {
        assertThatThrownBy(() -> CATALOGUE.template("mysql", "galera"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(EngineError.UNKNOWN_TOPOLOGY))
                .hasMessage("engine 'mysql' has no topology 'galera'; known: [innodb-cluster, primary-replica]");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "mysql, innodb-cluster, mysqld, 8.0.36, mysql/mysql-server:8.0.36",
        "mysql, innodb-cluster, router, 8.4.3, mysql/mysql-router:8.4.3",
        "mysql, primary-replica, mysqld, 8.4.3, mysql/mysql-server:8.4.3",
        "redis, sentinel, redis, 7.2.5, redis:7.2.5", "redis, sentinel, sentinel, 7.2.5, redis:7.2.5",
        "redis, cluster, redis, 6.2.14, redis:6.2.14",
        "mongodb, replicaset, mongod, 7.0.12, mongo:7.0.12", "mongodb, sharded, mongos, 6.0.16, mongo:6.0.16",
        "mongodb, sharded, configsvr, 6.0.16, mongo:6.0.16", "mongodb, sharded, shardsvr, 6.0.16, mongo:6.0.16",
        "elasticsearch, cluster, master, 8.13.4, docker.elastic.co/elasticsearch/elasticsearch:8.13.4",
        "elasticsearch, cluster, data, 8.13.4, docker.elastic.co/elasticsearch/elasticsearch:8.13.4",
        "elasticsearch, cluster, ingest, 7.17.21, docker.elastic.co/elasticsearch/elasticsearch:7.17.21",
        "kafka, kraft, controller, 3.7.1, apache/kafka:3.7.1", "kafka, kraft, broker, 4.0.0, apache/kafka:4.0.0",
        "tidb, cluster, pd, 8.1.0, pingcap/pd:v8.1.0", "tidb, cluster, tikv, 8.1.0, pingcap/tikv:v8.1.0",
        "tidb, cluster, tidb, 7.5.1, pingcap/tidb:v7.5.1",
        "oceanbase, cluster, observer, 4.2.1.8-108000022024072217, oceanbase/oceanbase-ce:4.2.1.8-108000022024072217",
        "oceanbase, cluster, obproxy, 4.2.1.8-108000022024072217, oceanbase/obproxy-ce:4.2.1.0-11",
        "pulsar, cluster, zookeeper, 3.3.1, apachepulsar/pulsar:3.3.1",
        "pulsar, cluster, bookie, 3.3.1, apachepulsar/pulsar:3.3.1",
        "pulsar, cluster, broker, 4.0.1, apachepulsar/pulsar:4.0.1",
        "pulsar, cluster, proxy, 4.0.1, apachepulsar/pulsar:4.0.1"})
    void namesTheImageOfEveryFunctionType(String engine, String topology, String type, String version,
                                          String image) {
        assertThat(CATALOGUE.template(engine, topology).image(type, version)).isEqualTo(image);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "mysql, innodb-cluster, mysqld, mysql:3306 gr:33061", "mysql, innodb-cluster, router, rw:6446 ro:6447",
        "mysql, primary-replica, mysqld, mysql:3306", "redis, sentinel, redis, redis:6379",
        "redis, sentinel, sentinel, sentinel:26379", "redis, cluster, redis, redis:6379 bus:16379",
        "mongodb, replicaset, mongod, mongodb:27017", "mongodb, sharded, configsvr, mongodb:27019",
        "mongodb, sharded, shardsvr, mongodb:27018", "mongodb, sharded, mongos, mongodb:27017",
        "elasticsearch, cluster, master, http:9200 transport:9300", "elasticsearch, cluster, data, http:9200 transport:9300",
        "elasticsearch, cluster, ingest, http:9200 transport:9300", "kafka, kraft, controller, controller:9093",
        "kafka, kraft, broker, client:9092", "tidb, cluster, pd, client:2379 peer:2380",
        "tidb, cluster, tikv, server:20160 status:20180", "tidb, cluster, tidb, mysql:4000 status:10080",
        "oceanbase, cluster, observer, sql:2881 rpc:2882", "oceanbase, cluster, obproxy, sql:2883 prometheus:2884",
        "pulsar, cluster, zookeeper, client:2181 peer:2888 election:3888", "pulsar, cluster, bookie, bookie:3181 http:8000",
        "pulsar, cluster, broker, pulsar:6650 http:8080", "pulsar, cluster, proxy, pulsar:6650 http:8080"})
    void declaresTheEnginesOwnDefaultPorts(String engine, String topology, String type, String ports) {
        FunctionType functionType = CATALOGUE.template(engine, topology).functionType(type).orElseThrow();
        assertThat(String.join(" ", functionType.ports().stream().map(p -> p.name() + ":" + p.number()).toList()))
                .isEqualTo(ports);
    }

    @Test
    void singlePrimaryTemplatesListTheTypeHoldingThePrimaryFirst() {
        List<String> withPrimary = CATALOGUE.templates().stream().filter(EngineTemplate::hasPrimary)
                .map(t -> t.engine() + "/" + t.topology() + ":" + t.functionTypes().get(0).name()).toList();
        assertThat(withPrimary).containsExactly("mysql/innodb-cluster:mysqld", "mysql/primary-replica:mysqld",
                "redis/sentinel:redis", "mongodb/replicaset:mongod");
    }

    @Test
    void shardedTemplatesHaveTypesPerShardAndUnshardedOnesNone() {
        assertThat(CATALOGUE.templates()).allSatisfy(template -> assertThat(
                template.functionTypes().stream().anyMatch(FunctionType::perShard))
                .as(template.engine() + " " + template.topology()).isEqualTo(template.shards().sharded()));
        assertThat(CATALOGUE.template("redis", "cluster").shards()).isEqualTo(new ShardRule(3, 128));
        assertThat(CATALOGUE.template("mongodb", "sharded").shards()).isEqualTo(new ShardRule(1, 64));
    }

    @Test
    void replicaRulesDescribeThemselvesAndTheOldConstructorStillWorks() {
        assertThat(new ReplicaRule(3, 9, true)).isEqualTo(ReplicaRule.oddBetween(3, 9));
        assertThat(ReplicaRule.multiplesOf(3, 3, 99).allows(6)).isTrue();
        assertThat(ReplicaRule.multiplesOf(3, 3, 99).allows(7)).isFalse();
        assertThat(ReplicaRule.multiplesOf(3, 3, 99).allows(102)).isFalse();
        assertThat(ReplicaRule.exactly(3).describe()).isEqualTo("exactly 3");
        assertThatThrownBy(() -> new ReplicaRule(1, 2, false, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
