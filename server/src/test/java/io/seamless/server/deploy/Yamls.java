package io.seamless.server.deploy;

import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** Plain YAML documents (Spring configuration files held in ConfigMaps) as maps. */
final class Yamls {

    private Yamls() {
    }

    static Map<String, Object> map(String yaml) {
        return new Yaml().load(yaml);
    }

    /** The value at a path of keys; null when a key is missing. */
    @SuppressWarnings("unchecked")
    static Object path(Map<String, Object> document, String... keys) {
        Object current = document;
        for (String key : keys) {
            if (!(current instanceof Map)) {
                return null;
            }
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }
}
