package io.seamless.reactors.cni;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Annotation values that are JSON are written by Jackson, so that a name with a quote cannot break them. */
final class JsonText {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private JsonText() {
    }

    static String of(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and lists are always JSON", e);
        }
    }
}
