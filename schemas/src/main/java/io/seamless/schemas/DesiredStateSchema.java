package io.seamless.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The JSON Schema (draft 2020-12) of the desired-state document each service group has on the compacted topic
 * {@code seamless.desired-state}: not an event, so it is not in {@code schemas/index.txt} and has no event type.
 * One of the {@link RecordSchema}s: validation asserts formats and anchors patterns as {@link EventSchemas} does.
 * Immutable and thread-safe.
 */
public final class DesiredStateSchema {

    /** The folder of every version of the document's schema. */
    public static final String FOLDER = "desired-state/";
    /**
     * Path of the current schema under the classpath folder {@code schemas/}, also its {@code $id}. v1 stays
     * published (a compacted topic may still hold v1 documents); v2 added {@code units[].networking.prefixLength}.
     */
    public static final String PATH = FOLDER + "ServiceGroupDesiredState.v2.schema.json";

    private final RecordSchema schema;

    private DesiredStateSchema(RecordSchema schema) {
        this.schema = schema;
    }

    /**
     * Loads and compiles the schema.
     *
     * @throws IllegalStateException if it is missing or malformed, or its {@code $id} is not its path
     */
    public static DesiredStateSchema load() {
        return new DesiredStateSchema(RecordSchema.load(PATH));
    }

    /**
     * Validates one document.
     *
     * @return one human-readable message per violation, e.g. {@code $.units[0].address: does not match the ipv4
     *         pattern ...}; empty when the document is valid
     */
    public List<String> validate(JsonNode document) {
        Objects.requireNonNull(document, "document");
        return schema.validate(document);
    }
}
