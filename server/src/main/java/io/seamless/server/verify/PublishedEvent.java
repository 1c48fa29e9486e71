package io.seamless.server.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One event as a subscriber holds it: the topic, its CloudEvents attributes in text form (as the
 * {@code ce_*} headers carry them, without the prefix) and its data.
 */
record PublishedEvent(String topic, Map<String, String> attributes, JsonNode data) {

    String subject() {
        return attributes.get("subject");
    }

    long sequence() {
        return Long.parseLong(attributes.get("sequence"));
    }

    String chain() {
        return topic + "/" + subject();
    }
}
