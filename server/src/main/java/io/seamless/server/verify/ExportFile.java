package io.seamless.server.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An audit export in JSON Lines, read back into the events and digest documents it holds. */
record ExportFile(List<PublishedEvent> events, List<String> digests) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ExportFile read(Path file) throws IOException {
        List<PublishedEvent> events = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode record = JSON.readTree(line);
            switch (record.path("record").asText()) {
                case "event" -> events.add(new PublishedEvent(record.path("topic").asText(), attributes(record),
                        record.get("data")));
                case "digest" -> digests.add(record.get("digest").toString());
                default -> throw new IOException("a line is neither an event nor a digest: " + line);
            }
        }
        return new ExportFile(events, digests);
    }

    private static Map<String, String> attributes(JsonNode record) {
        Map<String, String> attributes = new HashMap<>();
        record.path("attributes").fields().forEachRemaining(field -> attributes.put(field.getKey(),
                field.getValue().asText()));
        return attributes;
    }
}
