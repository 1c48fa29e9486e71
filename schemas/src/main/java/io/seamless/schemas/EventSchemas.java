package io.seamless.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The JSON Schemas (draft 2020-12) of the public events Seamless publishes on Kafka, one per
 * event type and version (docs/event-catalogue.md).
 *
 * <p>A schema is named by its path under the classpath folder {@code schemas/}, e.g.
 * {@code ippool/AddressAllocated.v1.schema.json}: that is the CloudEvent {@code dataschema}
 * attribute and the schema's {@code $id}. The event type {@code io.seamless.ippool.AddressAllocated.v1}
 * is derived from it. The schemas are listed in {@code schemas/index.txt}, so loading never
 * scans the classpath. Format assertions ({@code format: ipv4}) are on, and {@code pattern}
 * anchors as in ECMA-262 ({@link EcmaAnchoredRegularExpressions}).
 *
 * <p>Instances are immutable and thread-safe; load once and share.
 */
public final class EventSchemas {

    /** Classpath folder of the schemas. */
    static final String ROOT = "schemas/";
    /** Classpath resource listing every schema path relative to {@link #ROOT}. */
    static final String INDEX = ROOT + "index.txt";

    private static final String TYPE_PREFIX = "io.seamless.";
    private static final String SUFFIX = ".schema.json";
    private static final Pattern SCHEMA_PATH =
            Pattern.compile("[a-z][a-z0-9]*/[A-Z][A-Za-z0-9]*\\.v[1-9][0-9]*\\.schema\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonSchema> byDataschema;
    private final Map<String, String> dataschemaByType;

    private EventSchemas(Map<String, JsonSchema> byDataschema) {
        this.byDataschema = Collections.unmodifiableMap(byDataschema);
        Map<String, String> types = new TreeMap<>();
        byDataschema.keySet().forEach(path -> types.put(typeOf(path), path));
        this.dataschemaByType = Collections.unmodifiableMap(types);
    }

    /**
     * Loads and compiles every schema listed in {@code schemas/index.txt}.
     *
     * @throws IllegalStateException if the index or a schema is missing or malformed, or a
     *                               schema's {@code $id} is not its path
     */
    public static EventSchemas load() {
        return load(EventSchemas.class.getClassLoader());
    }

    static EventSchemas load(ClassLoader loader) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .regularExpressionFactory(EcmaAnchoredRegularExpressions.INSTANCE)
                .pathType(PathType.JSON_PATH)
                .build();
        Map<String, JsonSchema> schemas = new TreeMap<>();
        for (String path : readIndex(loader)) {
            JsonNode node = readSchema(loader, path);
            // Retrieved "from" the root folder, so that the relative $id resolves to the schema's own path.
            JsonSchema schema = factory.getSchema(SchemaLocation.of("classpath:" + INDEX), node, config);
            if (schemas.put(path, schema) != null) {
                throw new IllegalStateException(INDEX + " lists " + path + " twice");
            }
        }
        return new EventSchemas(schemas);
    }

    /**
     * Validates the data of an event against its schema.
     *
     * @param dataschema the CloudEvent {@code dataschema}, e.g. {@code ippool/AddressAllocated.v1.schema.json}
     * @param data       the event's data
     * @return one human-readable message per violation, e.g. {@code $.address: does not match the ipv4
     *         pattern ...}; empty when the data is valid
     * @throws IllegalArgumentException if no schema has that name
     */
    public List<String> validate(String dataschema, JsonNode data) {
        Objects.requireNonNull(data, "data");
        JsonSchema schema = byDataschema.get(dataschema);
        if (schema == null) {
            throw new IllegalArgumentException("unknown dataschema '" + dataschema + "'; known: "
                    + byDataschema.keySet());
        }
        List<String> violations = new ArrayList<>();
        for (ValidationMessage message : schema.validate(data)) {
            violations.add(message.getMessage());
        }
        return List.copyOf(violations);
    }

    /**
     * The {@code dataschema} of an event type.
     *
     * @param ceType the CloudEvent {@code type}, e.g. {@code io.seamless.ippool.AddressAllocated.v1}
     * @return its schema's path, e.g. {@code ippool/AddressAllocated.v1.schema.json}
     * @throws IllegalArgumentException if the type has no schema
     */
    public String dataschemaFor(String ceType) {
        String dataschema = dataschemaByType.get(ceType);
        if (dataschema == null) {
            throw new IllegalArgumentException("no schema for event type '" + ceType + "'; known: "
                    + dataschemaByType.keySet());
        }
        return dataschema;
    }

    /** The CloudEvent types that have a schema, sorted. */
    public Set<String> knownTypes() {
        return dataschemaByType.keySet();
    }

    /** {@code ippool/AddressAllocated.v1.schema.json} -> {@code io.seamless.ippool.AddressAllocated.v1}. */
    static String typeOf(String dataschema) {
        String name = dataschema.substring(0, dataschema.length() - SUFFIX.length());
        return TYPE_PREFIX + name.replace('/', '.');
    }

    private static List<String> readIndex(ClassLoader loader) {
        List<String> paths = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(open(loader, INDEX), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String path = line.strip();
                if (path.isEmpty() || path.startsWith("#")) {
                    continue;
                }
                if (!SCHEMA_PATH.matcher(path).matches()) {
                    throw new IllegalStateException(INDEX + ": '" + path
                            + "' is not <aggregate>/<EventName>.v<N>.schema.json");
                }
                paths.add(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
        return paths;
    }

    private static JsonNode readSchema(ClassLoader loader, String path) {
        JsonNode node;
        try (InputStream in = open(loader, ROOT + path)) {
            node = JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("schema " + path + " is not valid JSON", e);
        }
        String id = node.path("$id").asText();
        if (!path.equals(id)) {
            throw new IllegalStateException("schema " + path + " has $id '" + id + "'; it must be its path");
        }
        return node;
    }

    private static InputStream open(ClassLoader loader, String resource) {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("classpath resource " + resource + " is missing");
        }
        return in;
    }
}
