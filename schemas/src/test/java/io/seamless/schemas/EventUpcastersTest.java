package io.seamless.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The registry of version steps: chains in order, refuses gaps and duplicates, leaves what it does not know alone. */
class EventUpcastersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Test v2 of AddressAllocated names the unit {@code unitId}. */
    private static final UpcastStep RENAME_UNIT = new UpcastStep("ippool", "AddressAllocated", 1, data -> {
        data.set("unitId", data.remove("unit"));
        return data;
    });
    /** Test v3 adds the address family. */
    private static final UpcastStep ADD_FAMILY = new UpcastStep("ippool", "AddressAllocated", 2,
            data -> data.put("family", "ipv4"));

    @Test
    void stepsApplyInVersionOrderFromTheRecordedVersionToTheLatest() throws Exception {
        EventUpcasters upcasters = EventUpcasters.of(ADD_FAMILY, RENAME_UNIT);
        ObjectNode v1 = data("{\"pool\": \"p\", \"unit\": \"u\", \"address\": \"10.0.0.2\"}");
        ObjectNode v2 = data("{\"pool\": \"p\", \"unitId\": \"u\", \"address\": \"10.0.0.2\"}");
        ObjectNode v3 = data("{\"pool\": \"p\", \"unitId\": \"u\", \"address\": \"10.0.0.2\", \"family\": \"ipv4\"}");

        assertThat(upcasters.latestVersion("ippool", "AddressAllocated")).isEqualTo(3);
        assertThat(upcasters.upcast("ippool", "AddressAllocated", 1, v1)).isEqualTo(v3);
        assertThat(upcasters.upcast("ippool", "AddressAllocated", 2, v2)).isEqualTo(v3);
        assertThat(upcasters.upcast("ippool", "AddressAllocated", 3, v3)).isSameAs(v3);
        assertThat(upcasters.steps()).containsExactly(RENAME_UNIT, ADD_FAMILY);
    }

    @Test
    void theCloudEventsTypeCarriesTheLatestVersionAndTheRecordedDataIsNotChanged() throws Exception {
        EventUpcasters upcasters = EventUpcasters.of(RENAME_UNIT, ADD_FAMILY);
        ObjectNode recorded = data("{\"pool\": \"p\", \"unit\": \"u\", \"address\": \"10.0.0.2\"}");

        EventUpcasters.Upcast latest = upcasters.upcast("io.seamless.ippool.AddressAllocated.v1", recorded);

        assertThat(latest.type()).isEqualTo("io.seamless.ippool.AddressAllocated.v3");
        assertThat(latest.data().get("unitId").asText()).isEqualTo("u");
        assertThat(recorded).isEqualTo(data("{\"pool\": \"p\", \"unit\": \"u\", \"address\": \"10.0.0.2\"}"));
    }

    @Test
    void anEventTypeWithoutStepsOrAnUnknownTypePassesThroughUnchanged() throws Exception {
        EventUpcasters upcasters = EventUpcasters.of(RENAME_UNIT);
        ObjectNode data = data("{\"pool\": \"p\", \"unit\": \"u\"}");

        for (String type : new String[] {"io.seamless.ippool.AddressReleased.v1", "io.seamless.cluster.X.v1",
            "com.example.Other", "io.seamless.ippool.AddressAllocated.v2", "io.seamless.ippool.AddressAllocated.v7"}) {
            EventUpcasters.Upcast same = upcasters.upcast(type, data);
            assertThat(same.type()).isEqualTo(type);
            assertThat(same.data()).isSameAs(data);
        }
        assertThat(upcasters.latestVersion("ippool", "AddressReleased")).isEqualTo(1);
        assertThat(EventUpcasters.of().steps()).isEmpty();
    }

    @Test
    void aGapInAChainIsRefused() {
        UpcastStep fromV3 = new UpcastStep("ippool", "AddressAllocated", 3, data -> data);
        assertThatThrownBy(() -> EventUpcasters.of(RENAME_UNIT, fromV3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("io.seamless.ippool.AddressAllocated: no step from v2 but one from v3;"
                        + " the steps must go v1 -> v2 -> ... without a gap");
        assertThatThrownBy(() -> EventUpcasters.of(ADD_FAMILY))
                .hasMessageContaining("no step from v1 but one from v2");
    }

    @Test
    void twoStepsFromOneVersionAreRefused() {
        UpcastStep another = new UpcastStep("ippool", "AddressAllocated", 1, data -> data);
        assertThatThrownBy(() -> EventUpcasters.of(RENAME_UNIT, ADD_FAMILY, another))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("io.seamless.ippool.AddressAllocated: two steps from v1;"
                        + " each version has exactly one step to the next");
    }

    @Test
    void aStepThatCannotReadTheDataIsNamed() throws Exception {
        UpcastStep strict = new UpcastStep("ippool", "IpPoolDeleted", 1, data -> {
            throw new IllegalStateException("no pool");
        });
        EventUpcasters upcasters = EventUpcasters.of(strict);
        assertThatThrownBy(() -> upcasters.upcast("io.seamless.ippool.IpPoolDeleted.v1", data("{}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("step io.seamless.ippool.IpPoolDeleted.v1 -> v2 cannot read the data: no pool");
        assertThatThrownBy(() -> new UpcastStep("ipPool", "IpPoolDeleted", 1, data -> data))
                .hasMessageContaining("'ipPool'");
        assertThatThrownBy(() -> new UpcastStep("ippool", "IpPoolDeleted", 0, data -> data))
                .hasMessageContaining("from 1");
    }

    /**
     * The product's chains end where the published schemas do: an event type with a v2 schema and no step (old
     * events would never become v2), or a step to a version that has no schema, fails the build.
     */
    @Test
    void theProductRegistryBringsEveryEventTypeToItsNewestPublishedSchema() {
        EventSchemas schemas = EventSchemas.load();
        Map<String, Integer> newest = new TreeMap<>();
        for (String type : schemas.knownTypes()) {
            int dot = type.lastIndexOf(".v");
            newest.merge(type.substring(0, dot), Integer.parseInt(type.substring(dot + 2)), Math::max);
        }
        EventUpcasters product = EventUpcasters.product();
        newest.forEach((type, version) -> {
            String[] parts = type.substring("io.seamless.".length()).split("\\.");
            assertThat(product.latestVersion(parts[0], parts[1])).as("latest version of %s", type).isEqualTo(version);
        });
        product.steps().forEach(step -> assertThat(schemas.knownTypes()).contains(step.fromType(), step.toType()));
    }

    private static ObjectNode data(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }
}
