package io.seamless.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schema of the records of {@code seamless.audit.digests}: strict, its example and the catalogue's valid, and
 * damaged digests refused. That the digests the command side really signs and publishes pass is checked where
 * they are made (command-side, {@code AuditDigestTest}).
 */
class AuditDigestSchemaTest {

    private final RecordSchema schema = RecordSchema.auditDigest();

    @Test
    void isAStrictDraft202012SchemaNamedByItsPath() {
        JsonNode node = Sources.schemaSource(RecordSchema.AUDIT_DIGEST);
        assertThat(node.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(node.path("$id").asText()).isEqualTo(RecordSchema.AUDIT_DIGEST).isEqualTo(schema.path());
        assertThat(node.path("description").asText()).isNotBlank();
        assertThat(Sources.looseObjects(node)).as("objects without additionalProperties: false").isEmpty();
    }

    @Test
    void itsExampleAndTheCatalogueExampleAreValid() {
        JsonNode examples = Sources.schemaSource(RecordSchema.AUDIT_DIGEST).path("examples");
        assertThat(examples).isNotEmpty();
        examples.forEach(example -> assertThat(schema.validate(example)).isEmpty());
        assertThat(schema.validate(Sources.catalogueSectionExample("Audit digests"))).isEmpty();
    }

    @Test
    void theFirstDigestNamesTheGenesisAndAWholeSecondHasNoFraction() {
        ObjectNode digest = example();
        digest.put("sequence", 0).put("previousDigest", "0".repeat(64)).put("createdAt", "2026-11-25T17:40:00Z");
        assertThat(schema.validate(digest)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apiVersion", "kind", "sequence", "createdAt", "previousDigest", "keyId", "heads",
        "signature"})
    void aMissingRequiredFieldIsRefused(String field) {
        assertRefused(digest -> digest.remove(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"topic", "subject", "sequence", "hash"})
    void aHeadWithoutARequiredFieldIsRefused(String field) {
        assertRefused(digest -> head(digest).remove(field));
    }

    @Test
    void damagedDigestsAreRefused() {
        assertRefused(digest -> digest.put("createdAt", "yesterday"));
        assertRefused(digest -> digest.put("createdAt", "2026-11-25T17:40:00.123"));
        assertRefused(digest -> digest.put("apiVersion", "seamless.io/v2"));
        assertRefused(digest -> digest.put("sequence", -1));
        assertRefused(digest -> digest.put("previousDigest", "A".repeat(64)));
        assertRefused(digest -> digest.put("keyId", "9f86d081884c7d650"));
        assertRefused(digest -> digest.put("signature", "not base64"));
        assertRefused(digest -> digest.put("signature", "AAAA"));
        assertRefused(digest -> ((ArrayNode) digest.path("heads")).removeAll());
        assertRefused(digest -> head(digest).put("topic", "seamless.desired-state"));
        assertRefused(digest -> head(digest).put("hash", "f".repeat(63)));
        assertRefused(digest -> head(digest).put("subject", "Orders_DB"));
        assertRefused(digest -> head(digest).put("colour", "blue"));
        assertRefused(digest -> digest.put("extra", true));
    }

    private void assertRefused(Consumer<ObjectNode> damage) {
        ObjectNode digest = example();
        damage.accept(digest);
        assertThat(schema.validate(digest)).as("violations of %s", digest).isNotEmpty();
    }

    private static ObjectNode head(ObjectNode digest) {
        return (ObjectNode) digest.path("heads").get(0);
    }

    private static ObjectNode example() {
        return (ObjectNode) Sources.schemaSource(RecordSchema.AUDIT_DIGEST).path("examples").get(0).deepCopy();
    }
}
