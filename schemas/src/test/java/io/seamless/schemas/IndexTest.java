package io.seamless.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The index lists exactly the event schema files, and each file names itself and its event. The desired-state
 * document's schema is no event's: {@code DesiredStateSchemaTest} checks it.
 */
class IndexTest {

    static Stream<String> schemaFiles() {
        return Sources.eventSchemaFiles().stream();
    }

    @Test
    void indexListsExactlyTheSchemaFilesOfTheSourceFolder() {
        List<String> listed = Sources.read(Sources.schemaSourceDir().resolve("index.txt")).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(Sources.eventSchemaFiles());
    }

    @Test
    void loadsEveryListedSchema() {
        assertThat(EventSchemas.load().knownTypes()).hasSameSizeAs(Sources.eventSchemaFiles());
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void idIsThePathUnderTheSchemasFolder(String path) throws IOException {
        assertThat(schema(path).path("$id").asText()).isEqualTo(path);
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void isAStrictDraft202012SchemaTitledWithItsEventType(String path) throws IOException {
        JsonNode schema = schema(path);
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("title").asText()).isEqualTo(EventSchemas.typeOf(path));
        assertThat(schema.path("description").asText()).isNotBlank();
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").isBoolean()).isTrue();
        assertThat(schema.path("additionalProperties").booleanValue()).isFalse();
        assertThat(schema.path("required").isEmpty()).isFalse();
        schema.path("required").forEach(field -> assertThat(schema.path("properties").has(field.asText()))
                .as("required field %s is a property", field).isTrue());
    }

    private static JsonNode schema(String path) throws IOException {
        Path file = Sources.schemaSourceDir().resolve(path);
        return Sources.JSON.readTree(file.toFile());
    }
}
