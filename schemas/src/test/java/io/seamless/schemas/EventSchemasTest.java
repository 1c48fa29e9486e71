package io.seamless.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    private final EventSchemas schemas = EventSchemas.load();

    @Test
    void everyExampleOfTheCatalogueIsValid() {
        Map<String, ObjectNode> examples = Sources.catalogueExamples();
        assertThat(examples).containsKeys("io.seamless.ippool.IpPoolCreated.v1", "io.seamless.ippool.IpPoolDeleted.v1");
        examples.forEach((type, data) -> assertThat(schemas.validate(schemas.dataschemaFor(type), data))
                .as("example of %s in docs/event-catalogue.md", type)
                .isEmpty());
    }

    @Test
    void everyEventTypeOfTheCatalogueHasASchemaAndNoOther() {
        assertThat(schemas.knownTypes()).containsExactlyInAnyOrderElementsOf(Sources.catalogueExamples().keySet());
    }

    @Test
    void mapsAnEventTypeToItsDataschema() {
        assertThat(schemas.dataschemaFor("io.seamless.ippool.AddressAllocated.v1"))
                .isEqualTo("ippool/AddressAllocated.v1.schema.json");
    }

    @Test
    void dataschemaForRoundTripsForEveryKnownType() {
        assertThat(schemas.knownTypes()).isNotEmpty();
        for (String type : schemas.knownTypes()) {
            String dataschema = schemas.dataschemaFor(type);
            assertThat(Sources.schemaFiles()).contains(dataschema);
            assertThat(EventSchemas.typeOf(dataschema)).isEqualTo(type);
            assertThat(dataschema).isEqualTo(type.substring("io.seamless.".length()).replaceFirst("\\.", "/")
                    + ".schema.json");
        }
    }

    @Test
    void refusesAnEventTypeWithoutSchema() {
        assertThatThrownBy(() -> schemas.dataschemaFor("io.seamless.ippool.AddressAllocated.v9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("io.seamless.ippool.AddressAllocated.v9");
    }

    @Test
    void refusesAnUnknownDataschema() {
        ObjectNode data = Sources.JSON.createObjectNode().put("pool", "orders-net");
        assertThatThrownBy(() -> schemas.validate("ippool/IpPoolDeleted.v7.schema.json", data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ippool/IpPoolDeleted.v7.schema.json");
    }

    @Test
    void knownTypesCannotBeChangedByACaller() {
        assertThatThrownBy(() -> schemas.knownTypes().add("io.seamless.x.Y.v1"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void violationsAreReadable() {
        ObjectNode data = Sources.JSON.createObjectNode()
                .put("pool", "orders-net").put("unit", "orders-mysql-0").put("address", "10.20.0.300");
        assertThat(schemas.validate("ippool/AddressAllocated.v1.schema.json", data))
                .singleElement().asString().contains("address").contains("ipv4");
    }
}
