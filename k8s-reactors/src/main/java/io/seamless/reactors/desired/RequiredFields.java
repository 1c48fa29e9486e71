package io.seamless.reactors.desired;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The schema's {@code required} lists, checked on the JSON tree before binding: a record binds a missing field
 * to null or 0 silently, and only the tree still knows the path to name. Types are left to Jackson's binding.
 */
final class RequiredFields {

    private static final List<String> DOCUMENT = List.of("apiVersion", "kind", "name", "version", "engine",
            "topology", "engineVersion", "status", "stopped", "restartGeneration", "units");
    private static final List<String> UNIT = List.of("id", "service", "ordinal", "cluster", "image", "ports",
            "resources");
    private static final List<String> PORT = List.of("name", "port");
    private static final List<String> RESOURCES = List.of("cpu", "memory");
    private static final List<String> STORAGE = List.of("size");
    private static final List<String> NETWORKING = List.of("mode", "network");
    private static final List<String> CONFIG_FILE = List.of("name", "content");

    private RequiredFields() {
    }

    static void check(JsonNode document) {
        require(document, "", DOCUMENT);
        if (!DesiredState.API_VERSIONS.contains(document.get("apiVersion").asText())) {
            throw new InvalidDesiredStateException("apiVersion", "expected one of " + DesiredState.API_VERSIONS
                    + " but was '" + document.get("apiVersion").asText() + "'");
        }
        expect(document, "kind", DesiredState.KIND);
        JsonNode units = array(document.get("units"), "units");
        for (int i = 0; i < units.size(); i++) {
            unit(units.get(i), "units[" + i + "]");
        }
    }

    private static void unit(JsonNode unit, String path) {
        object(unit, path);
        require(unit, path + ".", UNIT);
        JsonNode ports = array(unit.get("ports"), path + ".ports");
        for (int i = 0; i < ports.size(); i++) {
            require(object(ports.get(i), path + ".ports[" + i + "]"), path + ".ports[" + i + "].", PORT);
        }
        require(object(unit.get("resources"), path + ".resources"), path + ".resources.", RESOURCES);
        optionalObject(unit, "storage", path, STORAGE);
        optionalObject(unit, "networking", path, NETWORKING);
        JsonNode config = unit.get("config");
        if (config != null && !config.isNull()) {
            array(config, path + ".config");
            for (int i = 0; i < config.size(); i++) {
                String file = path + ".config[" + i + "]";
                require(object(config.get(i), file), file + ".", CONFIG_FILE);
            }
        }
    }

    private static void optionalObject(JsonNode parent, String name, String path, List<String> required) {
        JsonNode node = parent.get(name);
        if (node != null && !node.isNull()) {
            require(object(node, path + "." + name), path + "." + name + ".", required);
        }
    }

    private static void require(JsonNode node, String prefix, List<String> names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                throw new InvalidDesiredStateException(prefix + name, "required but missing");
            }
            if (value.isTextual() && value.asText().isEmpty()) {
                throw new InvalidDesiredStateException(prefix + name, "required but empty");
            }
        }
    }

    private static void expect(JsonNode document, String name, String expected) {
        if (!expected.equals(document.get(name).asText())) {
            throw new InvalidDesiredStateException(name, "expected '" + expected + "' but was '"
                    + document.get(name).asText() + "'");
        }
    }

    private static JsonNode array(JsonNode node, String path) {
        if (!node.isArray()) {
            throw new InvalidDesiredStateException(path, "expected an array");
        }
        return node;
    }

    private static JsonNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidDesiredStateException(path, "expected an object");
        }
        return node;
    }
}
