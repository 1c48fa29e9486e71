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
import java.util.Set;

/**
 * The JSON Schema (draft 2020-12) of a record Seamless publishes that is not an event: no CloudEvent, no
 * {@code ce_type}, so not in {@code schemas/index.txt}. Each lives in a folder of its own under {@code schemas/}
 * ({@link #FOLDERS}), named after its topic. Validation asserts formats and anchors patterns as {@link EventSchemas}
 * does. Immutable and thread-safe; load once and share.
 *
 * <pre>{@code
 * List<String> violations = RecordSchema.observation().validate(record);   // [] when valid
 * }</pre>
 */
public final class RecordSchema {

    /** What a reactor saw, the value of a record of {@code seamless.observations}. */
    public static final String OBSERVATION = "observations/Observation.v1.schema.json";
    /** A signed digest of the chain heads, the value of a record of {@code seamless.audit.digests}. */
    public static final String AUDIT_DIGEST = "audit-digests/AuditDigest.v1.schema.json";
    /** The folders of the records' schemas: every other folder under {@code schemas/} holds event schemas. */
    public static final Set<String> FOLDERS = Set.of(DesiredStateSchema.FOLDER, "observations/", "audit-digests/");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String path;
    private final JsonSchema schema;

    private RecordSchema(String path, JsonSchema schema) {
        this.path = path;
        this.schema = schema;
    }

    /** The schema of the records of {@code seamless.observations}. */
    public static RecordSchema observation() {
        return load(OBSERVATION);
    }

    /** The schema of the records of {@code seamless.audit.digests}. */
    public static RecordSchema auditDigest() {
        return load(AUDIT_DIGEST);
    }

    /**
     * Loads and compiles one record schema.
     *
     * @param path its path under the classpath folder {@code schemas/}, also its {@code $id}
     * @throws IllegalStateException if it is missing or malformed, or its {@code $id} is not its path
     */
    public static RecordSchema load(String path) {
        JsonNode node = read(RecordSchema.class.getClassLoader(), EventSchemas.ROOT + path);
        if (!path.equals(node.path("$id").asText())) {
            throw new IllegalStateException("schema " + path + " has $id '" + node.path("$id").asText()
                    + "'; it must be its path");
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .regularExpressionFactory(EcmaAnchoredRegularExpressions.INSTANCE)
                .pathType(PathType.JSON_PATH)
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        // Retrieved "from" the root folder, so that the relative $id resolves to the schema's own path.
        return new RecordSchema(path, factory.getSchema(SchemaLocation.of("classpath:" + EventSchemas.INDEX), node,
                config));
    }

    /** The schema's path under {@code schemas/}, also its {@code $id}. */
    public String path() {
        return path;
    }

    /**
     * Validates one record's value.
     *
     * @return one human-readable message per violation, e.g. {@code $.time: does not match the date-time pattern
     *         ...}; empty when the record is valid
     */
    public List<String> validate(JsonNode record) {
        Objects.requireNonNull(record, "record");
        List<String> violations = new ArrayList<>();
        for (ValidationMessage message : schema.validate(record)) {
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
