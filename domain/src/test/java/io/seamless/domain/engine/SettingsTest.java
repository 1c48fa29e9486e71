package io.seamless.domain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The line writer every template shares: values, sections, nesting and where overrides go. */
class SettingsTest {

    private static String text(Settings settings) {
        return settings.toFile("header").content();
    }

    @Test
    void flatFilesKeepTheirOrderAndAppendOverridesSortedAfterAComment() {
        Settings settings = Settings.of("a.properties", Syntax.PROPERTIES).put("b", 1).put("a", "x")
                .overriddenBy("broker", Map.of("z", "9", "b", "2"));
        assertThat(text(settings)).isEqualTo("# header\na=x\n# overrides for broker\nb=2\nz=9\n");
        assertThat(text(Settings.of("r.conf", Syntax.SPACED).put("port", 6379))).isEqualTo("# header\nport 6379\n");
    }

    @Test
    void tomlQuotesStringsKeepsNumbersAndPutsDottedKeysInTables() {
        Settings settings = Settings.of("x.toml", Syntax.TOML).put("name", "a\"b").put("pd.endpoints", List.of("h:1", "h:2"))
                .put("port", 4000).put("server.labels.zone", "z1")
                .overriddenBy("tikv", Map.of("log-level", "warn", "pd.retry", "3", "raftstore.sync", "true"));
        assertThat(text(settings)).isEqualTo("# header\nname = \"a\\\"b\"\nport = 4000\nlog-level = \"warn\"\n\n"
                + "[pd]\nendpoints = [\"h:1\", \"h:2\"]\nretry = 3\n\n[server.labels]\nzone = \"z1\"\n\n"
                + "[raftstore]\nsync = true\n");
    }

    @Test
    void iniPutsUndottedKeysAndOverridesInTheRootSection() {
        Settings settings = Settings.ini("r.conf", "DEFAULT").put("a", 1).put("routing:rw.bind_port", 6446)
                .overriddenBy("router", Map.of("b", "2", "routing:rw.bind_port", "7446"));
        assertThat(text(settings)).isEqualTo("# header\n[DEFAULT]\na = 1\nb = 2\n\n[routing:rw]\nbind_port = 7446\n");
        assertThat(text(Settings.ini("r.conf", "DEFAULT").put("logger.level", "INFO")))
                .isEqualTo("# header\n[logger]\nlevel = INFO\n");
    }

    @Test
    void yamlNestsAtEveryDotAndQuotesWhatAPlainScalarWouldMisread() {
        Settings settings = Settings.of("m.conf", Syntax.YAML).put("net.port", 27017).put("net.bindIp", "10.0.0.1")
                .put("a.b.c", "yes").put("storage.dbPath", "/data/db")
                .overriddenBy("mongod", Map.of("net.maxIncomingConnections", "100"));
        assertThat(text(settings)).isEqualTo("# header\nnet:\n  port: 27017\n  bindIp: \"10.0.0.1\"\n"
                + "  maxIncomingConnections: 100\na:\n  b:\n    c: \"yes\"\nstorage:\n  dbPath: /data/db\n");
        assertThatThrownBy(() -> text(Settings.of("m.conf", Syntax.YAML).put("net", 1).put("net.port", 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flatYamlWritesListsInFlowStyle() {
        assertThat(text(Settings.of("e.yml", Syntax.FLAT_YAML).put("node.roles", List.of("data", "ingest"))
                .put("cluster.name", "logs").put("enabled", true)))
                .isEqualTo("# header\nnode.roles: [\"data\", \"ingest\"]\ncluster.name: logs\nenabled: true\n");
    }

    @Test
    void anIniFileNeedsItsRootSection() {
        assertThatThrownBy(() -> Settings.of("my.cnf", Syntax.INI)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionsCompareByNumbersAndIgnoreBuildSuffixes() {
        assertThat(Version.parse("8.0.36")).hasValueSatisfying(v -> assertThat(v.numbers()).containsExactly(8, 0, 36));
        assertThat(Version.parse("4.2.1.8-1080")).hasValueSatisfying(v -> assertThat(v).hasToString("4.2.1.8-1080"));
        assertThat(Version.parse("8.0")).isEmpty();
        assertThat(Version.parse("v8.1.0")).isEmpty();
        assertThat(Version.parse("8.10.0").orElseThrow()).isGreaterThan(Version.parse("8.9.9").orElseThrow());
        assertThat(VersionLine.from("3", "3.7.0").contains(Version.parse("3.6.9").orElseThrow())).isFalse();
        assertThat(VersionLine.of("8.0").contains(Version.parse("8.01.1").orElseThrow())).isFalse();
        assertThat(VersionLine.of("7").contains(Version.parse("7.4.1").orElseThrow())).isTrue();
    }
}
