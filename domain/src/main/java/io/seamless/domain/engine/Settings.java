package io.seamless.domain.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The entries of one configuration file, in the order they are written, and the overrides of the
 * unit's function type. Overrides come last (sorted by key, so rendering is deterministic) and
 * replace a rendered entry of the same key rather than repeat it, so that formats refusing
 * duplicate keys (TOML, YAML) stay valid. In flat files they follow an {@code # overrides} line;
 * in sectioned and nested files they close the section or mapping their key names.
 */
final class Settings {

    private final String file;
    private final Syntax syntax;
    private final String rootSection;
    private final Map<String, String> entries = new LinkedHashMap<>();
    private final Map<String, String> overrides = new TreeMap<>();
    private String overridesOf = "";

    private Settings(String file, Syntax syntax, String rootSection) {
        this.file = file;
        this.syntax = syntax;
        this.rootSection = rootSection;
    }

    static Settings of(String file, Syntax syntax) {
        if (syntax == Syntax.INI) {
            throw new IllegalArgumentException("an INI file needs a root section: use Settings.ini");
        }
        return new Settings(file, syntax, null);
    }

    /** An INI file whose undotted keys (and overrides) belong to {@code rootSection}. */
    static Settings ini(String file, String rootSection) {
        return new Settings(file, Syntax.INI, rootSection);
    }

    Settings put(String key, Object value) {
        entries.put(key, syntax.format(value));
        return this;
    }

    Settings overriddenBy(String functionType, Map<String, String> values) {
        overridesOf = functionType;
        values.forEach((key, value) -> overrides.put(key, syntax.formatOverride(value)));
        return this;
    }

    ConfigFile toFile(String header) {
        List<String> lines = new ArrayList<>();
        lines.add("# " + header);
        if (syntax.flat()) {
            writeFlat(lines);
        } else if (syntax == Syntax.YAML) {
            new YamlTree(merged()).write(lines);
        } else {
            writeSections(lines);
        }
        return ConfigFile.lines(file, lines);
    }

    private void writeFlat(List<String> lines) {
        entries.forEach((key, value) -> {
            if (!overrides.containsKey(key)) {
                lines.add(syntax.line(key, value));
            }
        });
        if (!overrides.isEmpty()) {
            lines.add("# overrides for " + overridesOf);
            overrides.forEach((key, value) -> lines.add(syntax.line(key, value)));
        }
    }

    /** INI and TOML: the root section first, then every section in the order it first appears. */
    private void writeSections(List<String> lines) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        sections.put("", new ArrayList<>());
        merged().forEach((key, value) -> {
            int dot = key.lastIndexOf('.');
            String section = dot < 0 ? "" : key.substring(0, dot);
            sections.computeIfAbsent(section, s -> new ArrayList<>()).add(syntax.line(key.substring(dot + 1), value));
        });
        sections.forEach((section, body) -> {
            boolean root = section.isEmpty();
            if (root && rootSection == null) {
                lines.addAll(body);
                return;
            }
            if (root && body.isEmpty()) {
                return;
            }
            if (lines.size() > 1) {
                lines.add("");
            }
            lines.add("[" + (root ? rootSection : section) + "]");
            lines.addAll(body);
        });
    }

    private Map<String, String> merged() {
        Map<String, String> merged = new LinkedHashMap<>(entries);
        overrides.forEach((key, value) -> {
            merged.remove(key);
            merged.put(key, value);
        });
        return merged;
    }

    /** Nested YAML: every dot opens a mapping, two spaces an indent, keys in first-seen order. */
    private static final class YamlTree {

        private final Map<String, Object> root = new LinkedHashMap<>();

        YamlTree(Map<String, String> entries) {
            entries.forEach(this::add);
        }

        @SuppressWarnings("unchecked")
        private void add(String key, String value) {
            List<String> path = Arrays.asList(key.split("\\."));
            Map<String, Object> node = root;
            for (String part : path.subList(0, path.size() - 1)) {
                Object child = node.computeIfAbsent(part, p -> new LinkedHashMap<String, Object>());
                if (!(child instanceof Map)) {
                    throw new IllegalArgumentException("'" + key + "' nests under a value: " + part);
                }
                node = (Map<String, Object>) child;
            }
            node.put(path.get(path.size() - 1), value);
        }

        void write(List<String> lines) {
            write(root, "", lines);
        }

        @SuppressWarnings("unchecked")
        private static void write(Map<String, Object> node, String indent, List<String> lines) {
            node.forEach((key, value) -> {
                if (value instanceof Map) {
                    lines.add(indent + key + ":");
                    write((Map<String, Object>) value, indent + "  ", lines);
                } else {
                    lines.add(indent + key + ": " + value);
                }
            });
        }
    }
}
