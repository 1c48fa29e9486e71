package io.seamless.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seamless.domain.common.DomainException;
import io.seamless.domain.engine.Fixtures.Fixture;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The refusals of every template: versions, function types, replicas, shards and upgrades. */
class TemplateValidationTest {

    private static final EngineCatalogue CATALOGUE = EngineCatalogue.standard();

    static List<Fixture> fixtures() {
        return Fixtures.all();
    }

    private static EngineTemplate template(String engine, String topology) {
        return CATALOGUE.template(engine, topology);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Runnable action, EngineError code) {
        return assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyTypeLeftOutTakesItsDefaultAndTheDefaultsAreAValidGroup(Fixture fixture) {
        EngineTemplate template = fixture.template();
        int shards = template.shards().sharded() ? template.shards().min() : 0;
        assertThatCode(() -> template.validate(new GroupShape(fixture.layout().version(), Map.of(), shards)))
                .doesNotThrowAnyException();
        template.functionTypes().stream().filter(type -> !type.optional())
                .forEach(type -> assertThat(type.replicas().allows(type.defaultReplicas())).as(type.name()).isTrue());
    }

    @Test
    void refusesAReplicaCountOutsideTheRuleNamingTheRule() {
        EngineTemplate innodb = template("mysql", "innodb-cluster");
        refused(() -> innodb.validate(new GroupShape("8.0.36", Map.of("mysqld", 4), 0)), EngineError.INVALID_REPLICAS)
                .hasMessage("mysqld needs an odd number from 3 to 9 replicas, got 4");
        refused(() -> innodb.validate(new GroupShape("8.0.36", Map.of("router", 0), 0)), EngineError.INVALID_REPLICAS)
                .hasMessage("router needs from 1 to 9 replicas, got 0");
        refused(() -> template("oceanbase", "cluster").validate(new GroupShape("4.2.1", Map.of("observer", 4), 0)),
                EngineError.INVALID_REPLICAS).hasMessage("observer needs a multiple of 3 from 3 to 99 replicas, got 4");
        refused(() -> template("mongodb", "sharded").validate(new GroupShape("7.0.12", Map.of("shardsvr", 2), 2)),
                EngineError.INVALID_REPLICAS).hasMessage("shardsvr needs an odd number from 3 to 7 replicas per shard, got 2");
        refused(() -> template("redis", "sentinel").validate(new GroupShape("7.2.5", Map.of("sentinel", 4), 0)),
                EngineError.INVALID_REPLICAS).hasMessage("sentinel needs an odd number from 3 to 7 replicas, got 4");
        refused(() -> template("kafka", "kraft").validate(new GroupShape("3.7.1", Map.of("broker", 101), 0)),
                EngineError.INVALID_REPLICAS).hasMessage("broker needs from 1 to 100 replicas, got 101");
    }

    @Test
    void acceptsTheBoundsOfEachRuleAndLeavesOptionalTypesOut() {
        assertThatCode(() -> {
            template("mysql", "innodb-cluster").validate(new GroupShape("8.4.3", Map.of("mysqld", 9, "router", 1), 0));
            template("oceanbase", "cluster").validate(new GroupShape("4.3.5", Map.of("observer", 99), 0));
            template("elasticsearch", "cluster").validate(new GroupShape("8.13.4", Map.of("ingest", 0), 0));
            template("elasticsearch", "cluster").validate(new GroupShape("8.13.4", Map.of("ingest", 20), 0));
            template("pulsar", "cluster").validate(new GroupShape("4.0.1", Map.of("proxy", 0, "bookie", 100), 0));
            template("redis", "cluster").validate(new GroupShape("6.2.14", Map.of("redis", 1), 128));
        }).doesNotThrowAnyException();
        refused(() -> template("elasticsearch", "cluster").validate(new GroupShape("8.13.4", Map.of("ingest", 21), 0)),
                EngineError.INVALID_REPLICAS).hasMessage("ingest needs from 0 to 20 replicas, got 21");
    }

    @Test
    void refusesAnUnknownFunctionTypeNamingTheKnownOnes() {
        refused(() -> template("mysql", "innodb-cluster").validate(new GroupShape("8.0.36", Map.of("proxysql", 2), 0)),
                EngineError.UNKNOWN_FUNCTION_TYPE).hasMessage("mysql innodb-cluster has no function type 'proxysql';"
                + " known: mysqld, router");
        refused(() -> template("pulsar", "cluster").image("zk", "3.3.1"), EngineError.UNKNOWN_FUNCTION_TYPE)
                .hasMessageContaining("known: zookeeper, bookie, broker, proxy");
    }

    @Test
    void refusesShardsOutsideTheRuleAndShardsOnAnUnshardedTopology() {
        refused(() -> template("redis", "cluster").validate(new GroupShape("7.2.5", Map.of(), 2)),
                EngineError.INVALID_SHARDS).hasMessage("redis cluster needs from 3 to 128 shards, got 2");
        refused(() -> template("mongodb", "sharded").validate(new GroupShape("7.0.12", Map.of(), 65)),
                EngineError.INVALID_SHARDS).hasMessage("mongodb sharded needs from 1 to 64 shards, got 65");
        refused(() -> template("mongodb", "replicaset").validate(new GroupShape("7.0.12", Map.of(), 2)),
                EngineError.INVALID_SHARDS).hasMessage("mongodb replicaset is not sharded: shards must be 0, got 2");
    }

    @Test
    void refusesAnUnsupportedVersionNamingTheSupportedLines() {
        refused(() -> template("mysql", "innodb-cluster").validate(new GroupShape("5.7.44", Map.of(), 0)),
                EngineError.UNSUPPORTED_VERSION).hasMessage("mysql innodb-cluster does not support version 5.7.44;"
                + " supported: 8.0.x from 8.0.23, 8.4.x");
        refused(() -> template("kafka", "kraft").validate(new GroupShape("3.6.2", Map.of(), 0)),
                EngineError.UNSUPPORTED_VERSION).hasMessageEndingWith("supported: 3.x from 3.7.0, 4.x");
        refused(() -> template("redis", "sentinel").validate(new GroupShape("7.2", Map.of(), 0)),
                EngineError.UNSUPPORTED_VERSION).hasMessage("redis sentinel cannot run version '7.2': expected a full"
                + " version such as 7.0.0; supported: 6.2.x, 7.x");
        refused(() -> template("tidb", "cluster").validate(new GroupShape("v8.1.0", Map.of(), 0)),
                EngineError.UNSUPPORTED_VERSION);
        refused(() -> template("mongodb", "replicaset").validate(new GroupShape(null, Map.of(), 0)),
                EngineError.UNSUPPORTED_VERSION);
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @CsvSource({
        "mysql, innodb-cluster, 8.0.36, true", "mysql, innodb-cluster, 8.4.3, true",
        "mysql, innodb-cluster, 8.0.22, false", "mysql, primary-replica, 8.1.0, false",
        "mysql, primary-replica, 9.0.1, false", "redis, sentinel, 6.2.14, true", "redis, cluster, 7.4.1, true",
        "redis, cluster, 6.0.20, false", "mongodb, replicaset, 5.0.28, true", "mongodb, sharded, 6.0.16, true",
        "mongodb, replicaset, 8.0.1, false", "mongodb, sharded, 4.4.29, false",
        "elasticsearch, cluster, 7.17.21, true", "elasticsearch, cluster, 8.15.0, true",
        "elasticsearch, cluster, 7.16.3, false", "kafka, kraft, 3.7.0, true", "kafka, kraft, 4.0.0, true",
        "kafka, kraft, 2.8.2, false", "tidb, cluster, 7.5.1, true", "tidb, cluster, 8.5.0, true",
        "tidb, cluster, 6.5.9, false", "oceanbase, cluster, 4.2.1.8-108000022024072217, true",
        "oceanbase, cluster, 4.1.0.2, false", "pulsar, cluster, 3.0.7, true", "pulsar, cluster, 4.0.1, true",
        "pulsar, cluster, 2.11.4, false"})
    void knowsWhichVersionsEachTemplateRuns(String engine, String topology, String version, boolean supported) {
        Runnable validate = () -> template(engine, topology).validate(new GroupShape(version, Map.of(),
                template(engine, topology).shards().min()));
        if (supported) {
            assertThatCode(validate::run).doesNotThrowAnyException();
        } else {
            refused(validate, EngineError.UNSUPPORTED_VERSION).hasMessageContaining(version);
        }
    }

    @ParameterizedTest(name = "{0} {1}: {2} -> {3}")
    @CsvSource({
        "mysql, innodb-cluster, 8.0.36, 8.4.3", "mysql, innodb-cluster, 8.0.36, 8.0.36",
        "mysql, primary-replica, 8.0.37, 8.0.36", "redis, sentinel, 7.2.5, 7.0.15", "redis, cluster, 6.2.14, 7.2.5",
        "mongodb, replicaset, 6.0.16, 7.0.12", "kafka, kraft, 3.9.0, 4.0.0", "kafka, kraft, 3.9.0, 3.7.1",
        "tidb, cluster, 7.5.1, 8.1.0", "pulsar, cluster, 3.3.1, 4.0.1", "elasticsearch, cluster, 7.17.21, 8.13.4",
        "mysql, innodb-cluster, 5.7.44, 8.0.36"})
    void allowsUpgradesAndChangesWithinALine(String engine, String topology, String from, String to) {
        assertThatCode(() -> template(engine, topology).validateUpgrade(from, to)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} {1}: {2} -> {3}")
    @CsvSource({
        "mysql, innodb-cluster, 8.4.3, 8.0.36, 8.0", "mysql, primary-replica, 8.4.0, 8.0.40, 8.0",
        "redis, sentinel, 7.2.5, 6.2.14, 6.2", "mongodb, sharded, 7.0.12, 6.0.16, 6.0",
        "kafka, kraft, 4.0.0, 3.9.0, 3", "tidb, cluster, 8.1.0, 7.5.1, 7",
        "elasticsearch, cluster, 8.13.4, 7.17.21, 7.17", "pulsar, cluster, 4.0.1, 3.3.1, 3"})
    void refusesADowngradeToAnOlderLine(String engine, String topology, String from, String to, String line) {
        refused(() -> template(engine, topology).validateUpgrade(from, to), EngineError.VERSION_DOWNGRADE)
                .hasMessageContaining("cannot go from " + from + " down to " + to + ": line " + line + " is older");
    }

    @Test
    void refusesAnUpgradeToAnUnsupportedVersion() {
        refused(() -> template("mysql", "innodb-cluster").validateUpgrade("8.4.3", "9.1.0"),
                EngineError.UNSUPPORTED_VERSION).hasMessageContaining("supported: 8.0.x from 8.0.23, 8.4.x");
        refused(() -> template("kafka", "kraft").validateUpgrade("3.7.0", "3.6.2"), EngineError.UNSUPPORTED_VERSION);
        refused(() -> template("kafka", "kraft").validateUpgrade("latest", "3.7.1"), EngineError.UNSUPPORTED_VERSION)
                .hasMessageContaining("'latest'");
    }
}
