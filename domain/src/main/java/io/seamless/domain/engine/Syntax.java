package io.seamless.domain.engine;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a configuration file spells an entry and its value. Every syntax here takes {@code #}
 * comments. Flat syntaxes write one line per key in order; sectioned ones (INI, TOML) put a dotted
 * key in the section named before its last dot; nested YAML opens a mapping at every dot.
 */
enum Syntax {
    /** {@code key=value}: Java properties (Kafka, ZooKeeper, BookKeeper, Pulsar, OceanBase). */
    PROPERTIES("="),
    /** {@code key value}: redis.conf, sentinel.conf. */
    SPACED(" "),
    /** {@code key: value}, dotted keys kept flat: elasticsearch.yml. */
    FLAT_YAML(": "),
    /** {@code [section]} then {@code key = value}: my.cnf, mysqlrouter.conf. */
    INI(" = "),
    /** {@code [table]} then {@code key = value} with typed values: PD, TiKV, TiDB. */
    TOML(" = "),
    /** Nested mappings, two spaces an indent: mongod.conf, mongos.conf. */
    YAML(": ");

    private static final Pattern YAML_PLAIN = Pattern.compile("[A-Za-z/][A-Za-z0-9_./,-]*");
    private static final Set<String> YAML_WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false",
            "null");
    private static final Pattern TOML_LITERAL = Pattern.compile(
            "true|false|[-+]?\\d[\\d_]*(\\.\\d+)?([eE][-+]?\\d+)?|\".*\"|'.*'|\\[.*]|\\{.*}");

    private final String separator;

    Syntax(String separator) {
        this.separator = separator;
    }

    boolean flat() {
        return this == PROPERTIES || this == SPACED || this == FLAT_YAML;
    }

    String line(String key, String value) {
        return key + separator + value;
    }

    /** A rendered value: strings quoted where the syntax needs it, lists as the syntax writes them. */
    String format(Object value) {
        if (value instanceof List<?> list) {
            return formatList(list);
        }
        if (value instanceof String text) {
            return formatString(text);
        }
        return String.valueOf(value);
    }

    /** An operator's override, written as given except a bare TOML string, which gets its quotes. */
    String formatOverride(String raw) {
        return this == TOML && !TOML_LITERAL.matcher(raw).matches() ? quoted(raw) : raw;
    }

    private String formatString(String text) {
        if (this == TOML) {
            return quoted(text);
        }
        if (this == YAML || this == FLAT_YAML) {
            boolean plain = YAML_PLAIN.matcher(text).matches() && !YAML_WORDS.contains(text.toLowerCase(Locale.ROOT));
            return plain ? text : quoted(text);
        }
        return text;
    }

    private String formatList(List<?> list) {
        if (this == TOML || this == YAML || this == FLAT_YAML) {
            return list.stream().map(item -> item instanceof String text ? quoted(text) : String.valueOf(item))
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        return list.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
