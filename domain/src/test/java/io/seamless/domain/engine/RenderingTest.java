package io.seamless.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seamless.domain.common.DomainException;
import io.seamless.domain.engine.Fixtures.Fixture;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What holds for every template's rendering, whatever the engine. */
class RenderingTest {

    static List<Fixture> fixtures() {
        return Fixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void rendersAtLeastOneFileForEveryUnitInLayoutOrder(Fixture fixture) {
        Map<String, List<ConfigFile>> rendered = fixture.template().render(fixture.layout());
        List<String> order = fixture.template().functionTypes().stream().map(FunctionType::name).toList();
        List<String> expected = fixture.layout().units().stream()
                .sorted((a, b) -> Integer.compare(order.indexOf(a.service()), order.indexOf(b.service())))
                .map(UnitLayout::id).toList();
        assertThat(new ArrayList<>(rendered.keySet())).containsExactlyElementsOf(expected);
        rendered.forEach((unit, files) -> {
            assertThat(files).as(unit).isNotEmpty();
            assertThat(files).extracting(ConfigFile::name).as(unit).doesNotHaveDuplicates();
            assertThat(files).allSatisfy(file -> assertThat(file.content()).endsWith("\n").doesNotContain("\r"));
            assertThat(files.get(0).content()).as(unit).startsWith("# Rendered by Seamless for unit " + unit + " ");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void rendersTheSameFilesTwiceAndWhateverTheOrderOfTheUnits(Fixture fixture) {
        GroupLayout layout = fixture.layout();
        Map<String, List<ConfigFile>> first = fixture.template().render(layout);
        assertThat(fixture.template().render(layout)).isEqualTo(first);
        for (long seed = 1; seed <= 5; seed++) {
            List<UnitLayout> shuffled = new ArrayList<>(layout.units());
            Collections.shuffle(shuffled, new Random(seed));
            Map<String, List<ConfigFile>> again = fixture.template()
                    .render(new GroupLayout(layout.group(), layout.version(), shuffled, layout.overrides()));
            assertThat(again).isEqualTo(first);
            assertThat(new ArrayList<>(again.keySet())).containsExactlyElementsOf(first.keySet());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void rendersEveryUnitFromPeersAddressesNeverFromHostNames(Fixture fixture) {
        fixture.template().render(fixture.layout()).values().stream().flatMap(List::stream).forEach(file ->
                assertThat(file.content()).as(file.name()).doesNotContain("dc1-k8s", ".svc", "localhost:"));
    }

    @Test
    void anOverrideReplacesTheRenderedValueOnceAndComesLast() {
        GroupLayout layout = Fixtures.group("e", "3.8.0").units("controller", 3, 11).units("broker", 3, 21)
                .override("broker", "min.insync.replicas", "3").override("broker", "compression.type", "zstd").build();
        String conf = new KafkaKraftTemplate().render(layout).get("e-broker-0").get(0).content();
        assertThat(conf).containsOnlyOnce("min.insync.replicas=").doesNotContain("min.insync.replicas=2")
                .endsWith("# overrides for broker\ncompression.type=zstd\nmin.insync.replicas=3\n");
        assertThat(new KafkaKraftTemplate().render(layout).get("e-controller-0").get(0).content())
                .doesNotContain("overrides", "zstd");
    }

    @Test
    void refusesAUnitOfAServiceTheTemplateDoesNotKnow() {
        GroupLayout layout = Fixtures.group("o", "8.0.36").units("mysqld", 3, 11).units("proxysql", 1, 21).build();
        assertThatThrownBy(() -> new MySqlInnoDbClusterTemplate().render(layout))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(EngineError.UNKNOWN_FUNCTION_TYPE))
                .hasMessageContaining("o-proxysql-0").hasMessageContaining("proxysql");
    }

    @Test
    void refusesTwoUnitsWithOneId() {
        GroupLayout layout = Fixtures.group("o", "8.0.36").units("mysqld", 3, 11).build();
        List<UnitLayout> units = new ArrayList<>(layout.units());
        units.add(new UnitLayout("o-mysqld-0", "mysqld", null, 5, "10.20.0.99", "c", "z"));
        assertThatThrownBy(() -> new MySqlInnoDbClusterTemplate().render(new GroupLayout("o", "8.0.36", units, Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("o-mysqld-0");
    }

    @Test
    void refusesAUnitWhoseShardDoesNotMatchItsType() {
        GroupLayout unsharded = Fixtures.group("c", "7.2.5").units("redis", 3, 11).build();
        assertThatThrownBy(() -> new RedisClusterTemplate().render(unsharded))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c-redis-0 has no shard");
        GroupLayout sharded = Fixtures.group("o", "8.0.36").shardedUnits("mysqld", 1, 3, 11).build();
        assertThatThrownBy(() -> new MySqlPrimaryReplicaTemplate().render(sharded))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not sharded");
    }

    @Test
    void laysOutAGroupWithoutZonesAndWithGapsInOrdinals() {
        List<UnitLayout> units = List.of(
                new UnitLayout("t-pd-0", "pd", null, 0, "10.20.1.1", "c1", null),
                new UnitLayout("t-pd-2", "pd", null, 2, "10.20.1.3", "c1", null),
                new UnitLayout("t-pd-5", "pd", null, 5, "10.20.1.6", "c1", null),
                new UnitLayout("t-tikv-0", "tikv", null, 0, "10.20.1.11", "c1", null),
                new UnitLayout("t-tidb-0", "tidb", null, 0, "10.20.1.21", "c1", null));
        Map<String, List<ConfigFile>> rendered = new TidbTemplate().render(new GroupLayout("t", "7.5.1", units, Map.of()));
        assertThat(rendered.get("t-pd-5").get(0).content())
                .contains("initial-cluster = \"t-pd-0=http://10.20.1.1:2380,t-pd-2=http://10.20.1.3:2380,"
                        + "t-pd-5=http://10.20.1.6:2380\"", "location-labels = [\"host\"]");
        assertThat(rendered.get("t-tikv-0").get(0).content()).doesNotContain("zone").contains("host = \"t-tikv-0\"");
    }
}
