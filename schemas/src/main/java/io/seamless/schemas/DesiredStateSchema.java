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
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The JSON Schema (draft 2020-12) of the desired-state document each service group has on the compacted topic
 * {@code seamless.desired-state}: not an event, so it is not in {@code schemas/index.txt} and has no event type.
 * Validation asserts formats and anchors patterns as {@link EventSchemas} does. Immutable and thread-safe.
 */
public final class DesiredStateSchema {

    /** The folder of every version of the document's schema. */
    public static final String FOLDER = "desired-state/";
    /**
     * Path of the current schema under the classpath folder {@code schemas/}, also its {@code $id}. v1 stays
     * published (a compacted topic may still hold v1 documents); v2 added {@code units[].networking.prefixLength}.
     */
    public static final String PATH = FOLDER + "ServiceGroupDesiredState.v2.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchema schema;

    private DesiredStateSchema(JsonSchema schema) {
        this.schema = schema;
    }

    /**
     * Loads and compiles the schema.
     *
     * @throws IllegalStateException if it is missing or malformed, or its {@code $id} is not its path
     */
    public static DesiredStateSchema load() {
        JsonNode node = read(DesiredStateSchema.class.getClassLoader(), EventSchemas.ROOT + PATH);
        if (!PATH.equals(node.path("$id").asText())) {
            throw new IllegalStateException("schema " + PATH + " has $id '" + node.path("$id").asText()
                    + "'; it must be its path");
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .regularExpressionFactory(EcmaAnchoredRegularExpressions.INSTANCE)
                .pathType(PathType.JSON_PATH)
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        return new DesiredStateSchema(factory.getSchema(SchemaLocation.of("classpath:" + EventSchemas.INDEX), node,
                config));
    }

    /**
     * Validates one document.
     *
     * @return one human-readable message per violation, e.g. {@code $.units[0].address: does not match the ipv4
     *         pattern ...}; empty when the document is valid
     */
    public List<String> validate(JsonNode document) {
        Objects.requireNonNull(document, "document");
        List<String> violations = new ArrayList<>();
        for (ValidationMessage message : schema.validate(document)) {
            violations.add(message.getMessage());
        }
        return List.copyOf(violations);
    }

    private static JsonNode read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + resource + " is missing");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("schema " + resource + " is not valid JSON", e);
        }
    }
}
