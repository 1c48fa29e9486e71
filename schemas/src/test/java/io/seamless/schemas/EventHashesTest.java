package io.seamless.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventHashesTest {

    private final ObjectMapper json = new ObjectMapper();

    private Map<String, String> attributes() {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("id", "0b5e6d3c-1111-4a4a-9c9c-123456789abc");
        attributes.put("source", "/seamless/command");
        attributes.put("type", "io.seamless.ippool.AddressAllocated.v1");
        attributes.put("subject", "orders-net");
        attributes.put("time", "2026-11-25T10:15:30.123Z");
        attributes.put("sequence", "1");
        attributes.put("actor", "alice");
        attributes.put("correlationid", "corr-1");
        attributes.put("causationid", "cmd-1");
        attributes.put("prevhash", EventHashes.GENESIS);
        return attributes;
    }

    private JsonNode data(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void isAHexSha256ThatIgnoresKeyOrderAndUncoveredAttributes() throws Exception {
        String hash = EventHashes.hash(attributes(), data("{\"pool\":\"orders-net\",\"unit\":\"u-0\",\"address\":\"10.0.0.2\"}"));
        Map<String, String> withNoise = attributes();
        withNoise.put("hash", "whatever");
        withNoise.put("datacontenttype", "application/json");
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(EventHashes.hash(withNoise, data("{\"address\":\"10.0.0.2\",\"unit\":\"u-0\",\"pool\":\"orders-net\"}")))
                .isEqualTo(hash);
    }

    @Test
    void changesWhenAnyCoveredAttributeOrTheDataChanges() throws Exception {
        JsonNode data = data("{\"pool\":\"orders-net\",\"unit\":\"u-0\",\"address\":\"10.0.0.2\"}");
        String hash = EventHashes.hash(attributes(), data);
        for (String name : attributes().keySet()) {
            Map<String, String> changed = attributes();
            changed.put(name, switch (name) {
                case "sequence" -> "2";
                case "time" -> "2026-11-25T10:15:30.124Z";
                default -> changed.get(name) + "x";
            });
            assertThat(EventHashes.hash(changed, data)).as("changing %s", name).isNotEqualTo(hash);
        }
        assertThat(EventHashes.hash(attributes(), data("{\"pool\":\"orders-net\",\"unit\":\"u-0\",\"address\":\"10.0.0.3\"}")))
                .isNotEqualTo(hash);
        Map<String, String> withReason = attributes();
        withReason.put("reason", "capacity");
        assertThat(EventHashes.hash(withReason, data)).isNotEqualTo(hash);
    }

    @Test
    void readsTimeAtMillisecondPrecisionInAnyOffset() throws Exception {
        JsonNode data = data("{\"pool\":\"p\"}");
        String hash = EventHashes.hash(attributes(), data);
        Map<String, String> sameInstant = attributes();
        sameInstant.put("time", "2026-11-25T12:15:30.123456+02:00");
        assertThat(EventHashes.hash(sameInstant, data)).isEqualTo(hash);
    }

    @Test
    void refusesFloatingPointData() throws Exception {
        assertThatThrownBy(() -> EventHashes.hash(attributes(), data("{\"ratio\": 0.5}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
