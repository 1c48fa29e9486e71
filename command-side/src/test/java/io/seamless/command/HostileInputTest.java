package io.seamless.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every write endpoint of the OpenAPI document (so a new one is covered without touching this test)
 * gets a battery of malformed and hostile requests: each must be answered with a clean 4xx problem
 * document, and nothing may be recorded.
 */
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.datasource.url=jdbc:h2:mem:hostile;DB_CLOSE_DELAY=-1", "seamless.api.max-body-bytes=65536"})
@EmbeddedKafka(kraft = true, partitions = 1)
@AutoConfigureMockMvc
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private MockMvc mvc;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void everyWriteEndpointAnswersEveryHostileRequestWithAProblemAndRecordsNothing() throws Exception {
        List<String[]> writes = writeEndpoints();
        assertThat(writes).as("write endpoints found in /v3/api-docs").hasSizeGreaterThanOrEqualTo(7);
        long events = events();
        List<String> failures = new ArrayList<>();
        for (String[] endpoint : writes) {
            for (Map.Entry<String, Hostile> attack : battery().entrySet()) {
                MockHttpServletResponse answer = send(endpoint, attack.getValue());
                String verdict = verdict(answer);
                if (verdict != null) {
                    failures.add(endpoint[0] + " " + endpoint[1] + " with " + attack.getKey() + ": " + verdict);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(events()).as("events recorded by hostile requests").isEqualTo(events);
    }

    /** Null when the answer is a clean problem: 4xx, problem+json, a Seamless problem type. */
    private static String verdict(MockHttpServletResponse answer) throws Exception {
        if (answer.getStatus() < 400 || answer.getStatus() >= 500) {
            return "status " + answer.getStatus() + " " + answer.getContentAsString();
        }
        if (answer.getContentType() == null || !answer.getContentType().startsWith("application/problem+json")) {
            return "content type " + answer.getContentType();
        }
        JsonNode problem = JSON.readTree(answer.getContentAsByteArray());
        if (!problem.path("type").asText().startsWith("https://seamless.io/problems/")) {
            return "problem type " + problem.path("type");
        }
        return null;
    }

    private record Hostile(String contentType, byte[] body) {
    }

    private static Map<String, Hostile> battery() {
        Map<String, Hostile> battery = new LinkedHashMap<>();
        battery.put("malformed JSON", json("{\"name\": "));
        battery.put("wrong types", json("{\"name\": 42, \"replicas\": \"three\", \"cpu\": [], \"units\": {}}"));
        battery.put("an unknown field", json("{\"zzz-not-a-field\": 1}"));
        battery.put("an array", json("[]"));
        battery.put("a number", json("42"));
        battery.put("null", json("null"));
        battery.put("an empty body", json(""));
        battery.put("nesting 5000 deep", json("[".repeat(5_000) + "]".repeat(5_000)));
        battery.put("an object nested 5000 deep", json("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)));
        battery.put("a body over the size limit", json("{\"name\": \"" + "a".repeat(70_000) + "\"}"));
        battery.put("bytes that are not UTF-8", new Hostile(MediaType.APPLICATION_JSON_VALUE,
                new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}));
        battery.put("text/plain", new Hostile(MediaType.TEXT_PLAIN_VALUE, "name=x".getBytes(StandardCharsets.UTF_8)));
        battery.put("a huge number", json("{\"replicas\": 1" + "0".repeat(2_000) + "}"));
        battery.put("names that are not DNS-1123", json("{\"name\": \"Bad_Name!\", \"unit\": \"../../etc\","
                + " \"engine\": \"MySQL\", \"service\": \"<script>\", \"type\": \"ScaleOut\"}"));
        return battery;
    }

    private static Hostile json(String body) {
        return new Hostile(MediaType.APPLICATION_JSON_VALUE, body.getBytes(StandardCharsets.UTF_8));
    }

    private MockHttpServletResponse send(String[] endpoint, Hostile attack) throws Exception {
        return mvc.perform(request(HttpMethod.valueOf(endpoint[0]), endpoint[1])
                .contentType(attack.contentType()).content(attack.body())).andReturn().getResponse();
    }

    /** Method and path (parameters filled with a name nothing has) of every POST, PUT and PATCH with a body. */
    private List<String[]> writeEndpoints() throws Exception {
        JsonNode paths = JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsByteArray()).path("paths");
        List<String[]> writes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String method : List.of("post", "put", "patch")) {
                JsonNode operation = path.getValue().path(method);
                if (!operation.isMissingNode() && operation.has("requestBody")) {
                    writes.add(new String[] {method.toUpperCase(java.util.Locale.ROOT),
                        path.getKey().replaceAll("\\{[^}]+}", "no-such-thing")});
                }
            }
        }
        return writes;
    }

    private long events() {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
    }
}
