package io.seamless.reactors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seamless.reactors.observation.Observation;
import io.seamless.schemas.RecordSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The records the reactors send to {@code seamless.observations} are valid against their published schema
 * ({@code schemas/observations/Observation.v1.schema.json}): every type, serialised exactly as
 * {@link ObservationPublisher} serialises it, with and without the optional fields. The records a running reactor
 * really publishes are checked in {@link ReactorsRuntimeTest}.
 */
class ObservationContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RecordSchema SCHEMA = RecordSchema.observation();

    @ParameterizedTest
    @EnumSource(Observation.Type.class)
    void everyTypeOfAUnitAsThePublisherSendsItIsValid(Observation.Type type) {
        Observation observation = new Observation("bj-1", "orders-db", "orders-db-mysqld-0", type, "PodReady",
                "pod orders-db-mysqld-0 is ready on 10.20.0.10", Instant.parse("2026-11-25T10:00:00.123456789Z"));

        assertThat(SCHEMA.validate(sent(observation))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Observation.Type.class)
    void everyTypeOfTheWholeGroupWithoutMessageIsValid(Observation.Type type) {
        Observation observation = new Observation("bj-1", "orders-db", null, type, "InvalidDesiredState", null,
                Instant.parse("2026-11-25T10:00:00Z"));

        JsonNode record = sent(observation);
        assertThat(record.has("unit")).isFalse();
        assertThat(record.has("message")).isFalse();
        assertThat(SCHEMA.validate(record)).isEmpty();
    }

    @Test
    void theSchemaKnowsExactlyTheTypesAReactorReports() {
        List<String> types = Arrays.stream(Observation.Type.values()).map(Enum::name).toList();
        JsonNode known = schemaSource().at("/properties/type/enum");

        assertThat(known).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(types);
    }

    @Test
    void aRecordMissingARequiredFieldOrWithAWrongFormatIsRefused() {
        assertRefused(record -> record.remove("time"));
        assertRefused(record -> record.remove("cluster"));
        assertRefused(record -> record.put("time", "2026-11-25 10:00:00"));
        assertRefused(record -> record.put("type", "UNIT_EXPLODED"));
        assertRefused(record -> record.putNull("message"));
    }

    /** Validates a value read back from the topic; the key is the unit, or the group for the group as a whole. */
    static void assertValid(String key, byte[] value) {
        JsonNode record = read(value);
        assertThat(SCHEMA.validate(record)).as("violations of %s", record).isEmpty();
        assertThat(key).isEqualTo(record.has("unit") ? record.path("unit").asText() : record.path("group").asText());
    }

    private static void assertRefused(Consumer<ObjectNode> damage) {
        ObjectNode record = (ObjectNode) sent(new Observation("sh-1", "orders-db", "orders-db-router-0",
                Observation.Type.ADDRESS_BOUND, "AddressPinned", "10.20.0.11", Instant.parse("2026-11-25T10:00:00Z")));
        assertThat(SCHEMA.validate(record)).isEmpty();
        damage.accept(record);
        assertThat(SCHEMA.validate(record)).as("violations of %s", record).isNotEmpty();
    }

    /** The value the publisher sends, read back as any consumer reads it. */
    private static JsonNode sent(Observation observation) {
        return read(ObservationPublisher.json(observation));
    }

    private static JsonNode read(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode schemaSource() {
        try (InputStream in = RecordSchema.class.getClassLoader()
                .getResourceAsStream("schemas/" + RecordSchema.OBSERVATION)) {
            assertThat(in).as("the published schema on the classpath").isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
