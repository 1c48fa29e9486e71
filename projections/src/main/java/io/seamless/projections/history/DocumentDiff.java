package io.seamless.projections.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two JSON documents, field by field. Arrays whose elements are objects with an
 * {@code id} (units) or a {@code name} (ports, config files) are matched by it, so a unit added in the middle
 * shows as one unit added, not as every later unit changed; the path names it: {@code /units[orders-db-mysqld-3]}.
 */
public final class DocumentDiff {

    private static final List<String> KEYS = List.of("id", "name");

    private DocumentDiff() {
    }

    /** One difference: {@code added} (before absent), {@code removed} (after absent) or {@code changed}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(String path, String change, JsonNode before, JsonNode after) {
    }

    public static List<Change> between(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        compare("", before, after, changes);
        return changes;
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<Change> changes) {
        if (before == null || before.isMissingNode()) {
            changes.add(new Change(path, "added", null, after));
        } else if (after == null || after.isMissingNode()) {
            changes.add(new Change(path, "removed", before, null));
        } else if (before.isObject() && after.isObject()) {
            Set<String> fields = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(fields::add);
            after.fieldNames().forEachRemaining(fields::add);
            fields.forEach(field -> compare(path + "/" + field, before.path(field), after.path(field), changes));
        } else if (before.isArray() && after.isArray() && keyOf(before, after) != null) {
            String key = keyOf(before, after);
            Map<String, JsonNode> old = byKey(before, key);
            Map<String, JsonNode> now = byKey(after, key);
            Set<String> keys = new LinkedHashSet<>(old.keySet());
            keys.addAll(now.keySet());
            keys.forEach(k -> compare(path + "[" + k + "]", old.get(k), now.get(k), changes));
        } else if (!before.equals(after)) {
            changes.add(new Change(path, "changed", before, after));
        }
    }

    /** The field that identifies the elements of both arrays, if every element has one. */
    private static String keyOf(JsonNode before, JsonNode after) {
        for (String key : KEYS) {
            if (allHave(before, key) && allHave(after, key) && (before.size() + after.size()) > 0) {
                return key;
            }
        }
        return null;
    }

    private static boolean allHave(JsonNode array, String key) {
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            JsonNode element = it.next();
            if (!element.isObject() || !element.path(key).isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byKey(JsonNode array, String key) {
        Map<String, JsonNode> elements = new LinkedHashMap<>();
        array.elements().forEachRemaining(element -> elements.put(element.get(key).asText(), element));
        return elements;
    }
}
