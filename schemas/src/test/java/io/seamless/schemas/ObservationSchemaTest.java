package io.seamless.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schema of the records of {@code seamless.observations}: strict, its examples and the catalogue's valid, and
 * damaged records refused. That the reactors' real records pass is checked where they are made (k8s-reactors,
 * {@code ObservationContractTest}).
 */
class ObservationSchemaTest {

    private final RecordSchema schema = RecordSchema.observation();

    @Test
    void isAStrictDraft202012SchemaNamedByItsPath() {
        JsonNode node = Sources.schemaSource(RecordSchema.OBSERVATION);
        assertThat(node.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(node.path("$id").asText()).isEqualTo(RecordSchema.OBSERVATION).isEqualTo(schema.path());
        assertThat(node.path("description").asText()).isNotBlank();
        assertThat(Sources.looseObjects(node)).as("objects without additionalProperties: false").isEmpty();
    }

    @Test
    void itsExamplesAndTheCatalogueExampleAreValid() {
        JsonNode examples = Sources.schemaSource(RecordSchema.OBSERVATION).path("examples");
        assertThat(examples).hasSize(2);
        examples.forEach(example -> assertThat(schema.validate(example)).isEmpty());
        assertThat(schema.validate(Sources.catalogueSectionExample("Observations"))).isEmpty();
    }

    @Test
    void theTypesAreThoseOfTheEventTheyBecome() {
        JsonNode recorded = Sources.schemaSource("servicegroup/ObservationRecorded.v1.schema.json")
                .at("/properties/observation/enum");
        assertThat(Sources.schemaSource(RecordSchema.OBSERVATION).at("/properties/type/enum"))
                .containsExactlyInAnyOrderElementsOf(recorded);
    }

    @Test
    void aRecordWithOnlyTheRequiredFieldsIsValid() {
        ObjectNode record = example();
        record.remove(List.of("unit", "message"));
        assertThat(schema.validate(record)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cluster", "group", "type", "reason", "time"})
    void aMissingRequiredFieldIsRefused(String field) {
        assertRefused(record -> record.remove(field));
    }

    @Test
    void damagedRecordsAreRefused() {
        assertRefused(record -> record.put("time", "2026-11-25 10:00:00"));
        assertRefused(record -> record.put("time", "2026-11-25T25:00:00Z"));
        assertRefused(record -> record.put("type", "UNIT_EXPLODED"));
        assertRefused(record -> record.put("cluster", "BJ_1"));
        assertRefused(record -> record.put("group", "orders-db\n"));
        assertRefused(record -> record.put("unit", "Orders-DB-0"));
        assertRefused(record -> record.put("reason", "pod is ready"));
        assertRefused(record -> record.putNull("message"));
        assertRefused(record -> record.put("observation", "UNIT_READY"));
    }

    private void assertRefused(Consumer<ObjectNode> damage) {
        ObjectNode record = example();
        damage.accept(record);
        assertThat(schema.validate(record)).as("violations of %s", record).isNotEmpty();
    }

    private static ObjectNode example() {
        return (ObjectNode) Sources.schemaSource(RecordSchema.OBSERVATION).path("examples").get(0).deepCopy();
    }
}
