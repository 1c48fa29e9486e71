package io.seamless.schemas;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** The schema files of events, the ones {@code index.txt} lists: every one but the desired-state document's versions. */
    static Set<String> eventSchemaFiles() {
        return schemaFiles().stream().filter(path -> !path.startsWith(DesiredStateSchema.FOLDER))
                .collect(Collectors.toCollection(TreeSet::new));
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

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
