package io.seamless.reactors.desired;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a desired-state document from the bytes of a {@code seamless.desired-state} record. Fields this version
 * does not know are ignored, so a writer may add optional ones without breaking a reactor; a document of another
 * {@code apiVersion}, or lacking a required field, is refused with the field's path.
 */
public final class DesiredStateReader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private DesiredStateReader() {
    }

    /** The document; an {@link InvalidDesiredStateException} naming the field when it cannot be acted on. */
    public static DesiredState read(byte[] json) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage();
            throw new InvalidDesiredStateException("$", "not JSON: " + reason);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidDesiredStateException("$", "not a JSON object");
        }
        RequiredFields.check(tree);
        try {
            return JSON.treeToValue(tree, DesiredState.class);
        } catch (JsonMappingException e) {
            throw new InvalidDesiredStateException(path(e.getPath()), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidDesiredStateException("$", e.getOriginalMessage());
        }
    }

    public static DesiredState read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Jackson's reference chain as the JSON path this package reports, e.g. {@code units[0].ordinal}. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "$" : path.toString();
    }
}
