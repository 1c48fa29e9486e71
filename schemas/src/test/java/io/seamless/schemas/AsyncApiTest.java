package io.seamless.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** asyncapi.yaml describes every topic of the catalogue and every schema, and its references resolve. */
class AsyncApiTest {

    /** Keywords that mean the same in draft 2020-12 and in draft 07, the schema format of AsyncAPI tools. */
    private static final Set<String> PORTABLE_KEYWORDS = Set.of("$schema", "$id", "title", "description", "type",
            "additionalProperties", "required", "properties", "items", "pattern", "format", "enum", "const",
            "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "examples",
            "maxProperties", "propertyNames");

    private static JsonNode doc;
    private static EventSchemas schemas;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = AsyncApiTest.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            assertThat(in).as("asyncapi.yaml on the classpath").isNotNull();
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        schemas = EventSchemas.load();
    }

    @Test
    void isAnAsyncApi3DocumentWithOneChannelPerTopicOfTheCatalogue() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        Set<String> addresses = new TreeSet<>();
        doc.path("channels").forEach(channel -> {
            addresses.add(channel.path("address").asText());
            assertThat(channel.path("description").asText()).isNotBlank();
            assertThat(channel.at("/bindings/kafka/topic").asText()).isEqualTo(channel.path("address").asText());
        });
        assertThat(addresses).isEqualTo(Sources.catalogueTopics()).contains("seamless.events.ippool");
    }

    @ParameterizedTest
    @CsvSource({"ippoolEvents, ippool", "clusterEvents, cluster"})
    void eachEventChannelCarriesOneMessagePerEventTypeWithItsSchema(String channel, String aggregate) {
        List<String> names = new ArrayList<>();
        doc.at("/channels/" + channel + "/messages").forEach(ref -> {
            JsonNode message = resolve(ref.path("$ref").asText());
            String type = message.path("name").asText();
            String dataschema = schemas.dataschemaFor(type);
            names.add(type);
            assertThat(message.at("/payload/schema/$ref").asText()).isEqualTo("./schemas/" + dataschema);
            JsonNode specific = message.at("/headers/allOf/1/properties");
            assertThat(specific.at("/ce_type/const").asText()).isEqualTo(type);
            assertThat(specific.at("/ce_dataschema/const").asText()).isEqualTo(dataschema);
        });
        assertThat(names).isNotEmpty().containsExactlyInAnyOrderElementsOf(schemas.knownTypes().stream()
                .filter(type -> type.startsWith("io.seamless." + aggregate + ".")).toList());
        List<String> sent = new ArrayList<>();
        operationOf(channel).path("messages").forEach(ref -> sent.add(
                resolve(resolve(ref.path("$ref").asText()).path("$ref").asText()).path("name").asText()));
        assertThat(sent).as("messages of the operation sending on %s", channel).containsExactlyElementsOf(names);
    }

    @ParameterizedTest
    @CsvSource({"ippoolEvent, pool", "clusterEvent, cluster"})
    void theRecordKeyIsTheAggregateName(String trait, String name) {
        JsonNode key = doc.at("/components/messageTraits/" + trait + "/bindings/kafka/key");
        assertThat(key.path("pattern").asText()).isEqualTo("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
        assertThat(key.path("description").asText()).startsWith("The " + name + " name");
    }

    @ParameterizedTest
    @CsvSource({"observations, " + RecordSchema.OBSERVATION + ", ^[a-z0-9]", "auditDigests, " + RecordSchema.AUDIT_DIGEST
            + ", digests"})
    void eachRecordChannelCarriesItsOneMessageWithItsSchemaAndKey(String channel, String schema, String key) {
        JsonNode refs = doc.at("/channels/" + channel + "/messages");
        assertThat(refs).hasSize(1);
        JsonNode message = resolve(refs.elements().next().path("$ref").asText());
        assertThat(message.at("/payload/schema/$ref").asText()).isEqualTo("./schemas/" + schema);
        assertThat(message.path("name").asText()).isEqualTo(schema.replaceAll("^.*/(.*)\\.schema\\.json$", "$1"));
        assertThat(message.has("traits")).as("CloudEvent traits on a plain record").isFalse();
        JsonNode keySchema = message.at("/bindings/kafka/key");
        assertThat(keySchema.path("const").asText(keySchema.path("pattern").asText())).startsWith(key);
        List<String> sent = new ArrayList<>();
        operationOf(channel).path("messages").forEach(ref -> sent.add(ref.path("$ref").asText()));
        assertThat(sent).containsExactly("#/channels/" + channel + "/messages/" + refs.fieldNames().next());
        assertThat(RecordSchema.load(schema).path()).isEqualTo(schema);
    }

    @Test
    void theHeadersAreTheAttributesOfTheCatalogue() {
        Set<String> headers = new TreeSet<>();
        doc.at("/components/schemas/CloudEventHeaders/properties").fieldNames().forEachRemaining(headers::add);
        Set<String> catalogued = new TreeSet<>();
        Sources.catalogue().lines().filter(line -> line.matches("^\\| `(ce_[a-z]+|content-type)` \\|.*"))
                .forEach(line -> catalogued.add(line.substring(3, line.indexOf('`', 3))));
        assertThat(headers).isEqualTo(catalogued).contains("ce_type", "ce_dataschema", "ce_sequence");
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).hasSizeGreaterThan(10);
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertThat(resolve(ref).isMissingNode()).as(ref).isFalse();
            } else {
                assertThat(getClass().getClassLoader().getResource(ref.replaceFirst("^\\./", ""))).as(ref).isNotNull();
            }
        }
    }

    @Test
    void schemasUseOnlyKeywordsThatDraft07ReadsTheSameWay() throws IOException {
        List<String> unportable = new ArrayList<>();
        for (String path : Sources.schemaFiles()) {
            collectUnportable(Sources.JSON.readTree(Sources.schemaSourceDir().resolve(path).toFile()), path,
                    unportable);
        }
        assertThat(unportable).isEmpty();
    }

    private static JsonNode operationOf(String channel) {
        for (JsonNode operation : doc.path("operations")) {
            if (operation.at("/channel/$ref").asText().equals("#/channels/" + channel)) {
                return operation;
            }
        }
        throw new AssertionError("no operation sends on channel " + channel);
    }

    private static JsonNode resolve(String localRef) {
        return doc.at(localRef.substring(1));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.path("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    private static void collectUnportable(JsonNode schema, String where, List<String> unportable) {
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            String name = keyword.getKey();
            if (!PORTABLE_KEYWORDS.contains(name)) {
                unportable.add(where + ": " + name);
            } else if (name.equals("properties")) {
                keyword.getValue().properties().forEach(property ->
                        collectUnportable(property.getValue(), where + "/" + property.getKey(), unportable));
            } else if (name.equals("items")) {
                collectUnportable(keyword.getValue(), where + "/items", unportable);
            }
        }
    }
}
