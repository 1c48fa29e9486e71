package io.seamless.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schema of the desired-state document: strict at every level, its examples valid, and damaged documents
 * refused. It is not an event schema, so {@link IndexTest} leaves it out; {@link SchemaFingerprintTest} and
 * {@link AsyncApiTest} still cover it (published schemas are immutable and draft-07 portable alike).
 */
class DesiredStateSchemaTest {

    private final DesiredStateSchema schema = DesiredStateSchema.load();

    @Test
    void isAStrictDraft202012SchemaNamedByItsPath() throws IOException {
        JsonNode node = source();
        assertThat(node.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(node.path("$id").asText()).isEqualTo(DesiredStateSchema.PATH);
        assertThat(node.path("description").asText()).isNotBlank();
        assertThat(Sources.looseObjects(node)).as("objects without additionalProperties: false").isEmpty();
    }

    @Test
    void itsExamplesAreValid() throws IOException {
        JsonNode examples = source().path("examples");
        assertThat(examples).isNotEmpty();
        examples.forEach(example -> assertThat(schema.validate(example)).isEmpty());
    }

    @Test
    void theExampleOfTheCatalogueIsValid() {
        assertThat(schema.validate(Sources.catalogueSectionExample("Desired state"))).isEmpty();
    }

    @Test
    void aDocumentWithOnlyTheRequiredFieldsIsValid() throws IOException {
        ObjectNode document = example();
        document.remove(List.of("standbyOf", "primary"));
        ObjectNode unit = (ObjectNode) document.path("units").get(0);
        unit.remove(List.of("shard", "site", "zone", "address", "storage", "networking", "config"));

        assertThat(schema.validate(document)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apiVersion", "kind", "name", "version", "engine", "topology", "engineVersion", "status",
            "stopped", "restartGeneration", "units"})
    void aMissingRequiredFieldIsRefused(String field) throws IOException {
        assertRefused(document -> document.remove(field));
    }

    @Test
    void damagedDocumentsAreRefused() throws IOException {
        assertRefused(document -> document.put("kind", "ServiceGroup"));
        assertRefused(document -> document.put("status", "RUNNING"));
        assertRefused(document -> document.put("version", -1));
        assertRefused(document -> document.put("name", "Orders_DB"));
        assertRefused(document -> document.putNull("primary"));
        assertRefused(document -> document.put("extra", true));
        assertRefused(document -> unit(document).put("address", "10.20.0.300"));
        assertRefused(document -> unit(document).remove("image"));
        assertRefused(document -> unit(document).put("colour", "blue"));
        assertRefused(document -> ((ObjectNode) unit(document).path("networking")).put("mode", "flannel"));
        assertRefused(document -> ((ObjectNode) unit(document).path("resources")).put("cpu", "two"));
        assertRefused(document -> ((ObjectNode) unit(document).path("ports").get(0)).put("port", 70000));
        assertRefused(document -> ((ObjectNode) unit(document).path("config").get(0)).remove("content"));
    }

    private void assertRefused(Consumer<ObjectNode> damage) throws IOException {
        ObjectNode document = example();
        damage.accept(document);
        assertThat(schema.validate(document)).as("violations of %s", document).isNotEmpty();
    }

    private static ObjectNode unit(ObjectNode document) {
        return (ObjectNode) document.path("units").get(0);
    }

    private static ObjectNode example() throws IOException {
        return (ObjectNode) source().path("examples").get(0).deepCopy();
    }

    private static JsonNode source() throws IOException {
        return Sources.JSON.readTree(Sources.schemaSourceDir().resolve(DesiredStateSchema.PATH).toFile());
    }
}
