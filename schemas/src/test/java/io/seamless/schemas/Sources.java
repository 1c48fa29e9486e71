package io.seamless.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The files of the repository the tests compare the module with: the catalogue and the schema sources. */
final class Sources {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern EXAMPLE = Pattern.compile(
            "^### `(io\\.seamless\\.[^`]+)`$.*?^```json$(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern TOPIC_ROW = Pattern.compile("^\\| `(seamless\\.[^`]+)` \\|", Pattern.MULTILINE);

    private Sources() {
    }

    /** The module's folder: surefire runs the tests there and says so in {@code basedir}. */
    static Path moduleDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    /** The source folder of the published schemas, {@code src/main/resources/schemas}. */
    static Path schemaSourceDir() {
        return moduleDir().resolve("src/main/resources/schemas");
    }

    /** Paths, relative to {@link #schemaSourceDir()} and with {@code /}, of every {@code *.schema.json}. */
    static Set<String> schemaFiles() {
        Path root = schemaSourceDir();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .filter(path -> path.endsWith(".schema.json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The schema files of events, the ones {@code index.txt} lists: every one but those of the records that are not
     * events (desired state, observations, audit digests: {@link RecordSchema#FOLDERS}).
     */
    static Set<String> eventSchemaFiles() {
        return schemaFiles().stream()
                .filter(path -> RecordSchema.FOLDERS.stream().noneMatch(path::startsWith))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The source of one schema file, by its path under {@link #schemaSourceDir()}. */
    static JsonNode schemaSource(String path) {
        try {
            return JSON.readTree(schemaSourceDir().resolve(path).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code ```json} example of a section ({@code ## <heading>...}) of docs/event-catalogue.md. */
    static JsonNode catalogueSectionExample(String heading) {
        String catalogue = catalogue();
        int section = catalogue.indexOf("\n## " + heading);
        if (section < 0) {
            throw new IllegalStateException("no section '" + heading + "' in docs/event-catalogue.md");
        }
        int start = catalogue.indexOf("```json\n", section) + "```json\n".length();
        try {
            return JSON.readTree(catalogue.substring(start, catalogue.indexOf("```", start)));
        } catch (IOException e) {
            throw new IllegalStateException("the example of section '" + heading + "' is not JSON", e);
        }
    }

    static String catalogue() {
        return read(moduleDir().resolve("../docs/event-catalogue.md"));
    }

    /** Every event type of docs/event-catalogue.md with the example data shown under its heading. */
    static Map<String, ObjectNode> catalogueExamples() {
        Map<String, ObjectNode> examples = new TreeMap<>();
        Matcher matcher = EXAMPLE.matcher(catalogue());
        while (matcher.find()) {
            try {
                examples.put(matcher.group(1), (ObjectNode) JSON.readTree(matcher.group(2)));
            } catch (IOException e) {
                throw new IllegalStateException("example of " + matcher.group(1) + " is not JSON", e);
            }
        }
        return examples;
    }

    /** The topic names in the Topics table of docs/event-catalogue.md. */
    static Set<String> catalogueTopics() {
        Set<String> topics = new TreeSet<>();
        Matcher matcher = TOPIC_ROW.matcher(catalogue());
        while (matcher.find()) {
            topics.add(matcher.group(1));
        }
        return topics;
    }

    /** Paths of every object schema (one with {@code properties}) under {@code schema} that lets unknown fields through. */
    static List<String> looseObjects(JsonNode schema) {
        List<String> loose = new ArrayList<>();
        collectLooseObjects(schema, "$", loose);
        return loose;
    }

    private static void collectLooseObjects(JsonNode node, String path, List<String> loose) {
        JsonNode additional = node.path("additionalProperties");
        if (node.has("properties") && !(additional.isBoolean() && !additional.booleanValue())) {
            loose.add(path);
        }
        node.path("properties").fields().forEachRemaining(field ->
                collectLooseObjects(field.getValue(), path + "." + field.getKey(), loose));
        JsonNode items = node.path("items");
        if (items instanceof ObjectNode) {
            collectLooseObjects(items, path + "[]", loose);
        } else if (items instanceof ArrayNode array) {
            array.forEach(item -> collectLooseObjects(item, path + "[]", loose));
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
