package io.seamless.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** After a switchover the files that name the primary name the new one (GroupLayout.primary). */
class SwitchoverRenderingTest {

    @Test
    void redisReplicasAndSentinelsFollowTheCurrentPrimary() {
        GroupLayout layout = Fixtures.of("redis", "sentinel").layout();
        UnitLayout third = layout.units().stream().filter(unit -> unit.service().equals("redis")).toList().get(2);
        Map<String, List<ConfigFile>> rendered = new RedisSentinelTemplate().render(new GroupLayout(layout.group(),
                layout.version(), layout.units(), layout.overrides(), third.id()));
        assertThat(file(rendered, third.id(), "redis.conf")).doesNotContain("replicaof");
        layout.units().stream().filter(unit -> unit.service().equals("redis") && !unit.equals(third))
                .forEach(unit -> assertThat(file(rendered, unit.id(), "redis.conf"))
                        .contains("replicaof " + third.address() + " 6379"));
        layout.units().stream().filter(unit -> unit.service().equals("sentinel"))
                .forEach(unit -> assertThat(file(rendered, unit.id(), "sentinel.conf"))
                        .contains("sentinel monitor " + layout.group() + " " + third.address() + " 6379"));
    }

    @Test
    void mysqlReplicasReplicateFromTheCurrentPrimaryAndAnUnknownPrimaryMeansTheFirst() {
        GroupLayout layout = Fixtures.of("mysql", "primary-replica").layout();
        List<UnitLayout> members = layout.units();
        Map<String, List<ConfigFile>> switched = new MySqlPrimaryReplicaTemplate().render(new GroupLayout(
                layout.group(), layout.version(), members, layout.overrides(), members.get(1).id()));
        assertThat(names(switched, members.get(1).id())).doesNotContain("replication.sql");
        assertThat(file(switched, members.get(0).id(), "replication.sql"))
                .contains("SOURCE_HOST = '" + members.get(1).address() + "'");
        Map<String, List<ConfigFile>> unknown = new MySqlPrimaryReplicaTemplate().render(new GroupLayout(
                layout.group(), layout.version(), members, layout.overrides(), "no-such-unit"));
        assertThat(unknown).isEqualTo(new MySqlPrimaryReplicaTemplate().render(layout));
    }

    private static String file(Map<String, List<ConfigFile>> rendered, String unit, String name) {
        return rendered.get(unit).stream().filter(file -> file.name().equals(name)).findFirst().orElseThrow().content();
    }

    private static List<String> names(Map<String, List<ConfigFile>> rendered, String unit) {
        return rendered.get(unit).stream().map(ConfigFile::name).toList();
    }
}
