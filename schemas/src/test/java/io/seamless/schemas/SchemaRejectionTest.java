package io.seamless.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each schema is strict: the catalogue's example is valid, and each kind of damage to it is refused. */
class SchemaRejectionTest {

    private static final EventSchemas SCHEMAS = EventSchemas.load();
    private static final Map<String, ObjectNode> EXAMPLES = Sources.catalogueExamples();
    private static final String CREATED = "io.seamless.ippool.IpPoolCreated.v1";

    static Stream<String> types() {
        return EXAMPLES.keySet().stream();
    }

    /** The IP pool events: each names its pool. */
    static Stream<String> poolTypes() {
        return types().filter(type -> type.startsWith("io.seamless.ippool."));
    }

    /** Every (type, required field) pair. */
    static Stream<Arguments> requiredFields() {
        List<Arguments> pairs = new ArrayList<>();
        for (String type : EXAMPLES.keySet()) {
            schemaOf(type).path("required").forEach(field -> pairs.add(Arguments.of(type, field.asText())));
        }
        return pairs.stream();
    }

    /** Every (type, field with format ipv4) pair. */
    static Stream<Arguments> ipv4Fields() {
        List<Arguments> pairs = new ArrayList<>();
        for (String type : EXAMPLES.keySet()) {
            schemaOf(type).path("properties").properties().forEach(property -> {
                if ("ipv4".equals(property.getValue().path("format").asText())) {
                    pairs.add(Arguments.of(type, property.getKey()));
                }
            });
        }
        return pairs.stream();
    }

    @ParameterizedTest
    @MethodSource("requiredFields")
    void rejectsAMissingRequiredField(String type, String field) {
        assertThat(violations(type, data -> data.remove(field))).anySatisfy(message ->
                assertThat(message).contains("required").contains(field));
    }

    @ParameterizedTest
    @MethodSource("types")
    void rejectsAnUnknownField(String type) {
        assertThat(violations(type, data -> data.put("colour", "blue"))).anySatisfy(message ->
                assertThat(message).contains("colour"));
    }

    @ParameterizedTest
    @MethodSource("ipv4Fields")
    void rejectsABadIpv4AddressSoFormatAssertionsAreOn(String type, String field) {
        assertThat(violations(type, data -> data.put(field, "10.20.0.300"))).anySatisfy(message ->
                assertThat(message).contains(field).contains("ipv4"));
    }

    @ParameterizedTest
    @MethodSource("ipv4Fields")
    void rejectsAnythingButADottedQuad(String type, String field) {
        for (String bad : List.of("10.20.0.10\n", " 10.20.0.10", "10.20.0", "10.20.0.010", "::1", "10.20.0.0/24")) {
            assertThat(violations(type, data -> data.put(field, bad))).as("%s '%s'", field, bad).isNotEmpty();
        }
    }

    @Test
    void everyEventWithAnAddressHasAnIpv4Field() {
        assertThat(ipv4Fields().map(pair -> pair.get()[0])).contains("io.seamless.ippool.IpPoolCreated.v1",
                "io.seamless.ippool.AddressAllocated.v1", "io.seamless.ippool.AddressReserved.v1",
                "io.seamless.ippool.AddressReleased.v1");
    }

    @ParameterizedTest
    @MethodSource("poolTypes")
    void rejectsABadPoolName(String type) {
        for (String bad : List.of("Orders-Net", "orders_net", "-orders", "orders-", "", "a".repeat(64),
                "orders-net\n", " orders-net")) {
            assertThat(violations(type, data -> data.put("pool", bad))).as("pool '%s'", bad).isNotEmpty();
        }
        assertThat(violations(type, data -> data.put("pool", "a".repeat(63)))).isEmpty();
        assertThat(violations(type, data -> data.put("pool", 7))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Orders-mysql-0", "orders_mysql", "orders..mysql", ".orders", "orders-mysql-0.",
        "orders-mysql-0\n"})
    void rejectsABadUnitId(String bad) {
        assertThat(violations("io.seamless.ippool.AddressAllocated.v1", data -> data.put("unit", bad))).isNotEmpty();
    }

    @Test
    void acceptsAUnitIdThatIsADnsSubdomain() {
        assertThat(violations("io.seamless.ippool.AddressReleased.v1", data -> data.put("unit", "orders.mysql-0")))
                .isEmpty();
        assertThat(violations("io.seamless.ippool.AddressReleased.v1", data -> data.put("unit", "a".repeat(254))))
                .isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.20.0.0", "10.20.0.0/33", "10.20.0.256/24", "10.20.0/24", "10.20.0.0/024",
        " 10.20.0.0/24", "10.20.0.0/24\n"})
    void rejectsABadCidr(String bad) {
        assertThat(violations(CREATED, data -> data.put("cidr", bad))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.20.0.300", "10.20.0.2-", "10.20.0.2-10.20.0", "10.20.0.2..10.20.0.9",
        "10.20.0.0/28", "ten", "10.20.0.7\n"})
    void rejectsABadExcludedEntry(String bad) {
        assertThat(violations(CREATED, data -> data.withArray("excluded").add(bad))).isNotEmpty();
    }

    @Test
    void acceptsSingleExcludedAddressesAndNoExcludedAddresses() {
        assertThat(violations(CREATED, data -> data.withArray("excluded").add("10.20.0.77"))).isEmpty();
        assertThat(violations(CREATED, data -> data.withArray("excluded").removeAll())).isEmpty();
    }

    @Test
    void vlanIsOptionalAndBetween1And4094() {
        assertThat(violations(CREATED, data -> data.remove("vlan"))).isEmpty();
        assertThat(violations(CREATED, data -> data.put("vlan", 1))).isEmpty();
        assertThat(violations(CREATED, data -> data.put("vlan", 4094))).isEmpty();
        assertThat(violations(CREATED, data -> data.put("vlan", 0))).isNotEmpty();
        assertThat(violations(CREATED, data -> data.put("vlan", 4095))).isNotEmpty();
        assertThat(violations(CREATED, data -> data.put("vlan", 12.5))).isNotEmpty();
        assertThat(violations(CREATED, data -> data.putNull("vlan"))).as("omitted, never null").isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"calico", "kube-ovn", "macvlan", "sriov"})
    void acceptsEachCniMode(String mode) {
        assertThat(violations(CREATED, data -> data.put("cniMode", mode))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"flannel", "Calico", "kube_ovn", ""})
    void rejectsAnotherCniMode(String mode) {
        assertThat(violations(CREATED, data -> data.put("cniMode", mode))).isNotEmpty();
    }

    @Test
    void capacityIsANonNegativeInteger() {
        assertThat(violations(CREATED, data -> data.put("capacity", 0))).isEmpty();
        assertThat(violations(CREATED, data -> data.put("capacity", -1))).isNotEmpty();
        assertThat(violations(CREATED, data -> data.put("capacity", "245"))).isNotEmpty();
    }

    @Test
    void networkIsTheCnisNameForIt() {
        assertThat(violations(CREATED, data -> data.put("network", "kube-system/sriov-net-a"))).isEmpty();
        assertThat(violations(CREATED, data -> data.put("network", ""))).isNotEmpty();
        assertThat(violations(CREATED, data -> data.put("network", "Calico Pool"))).isNotEmpty();
    }

    @Test
    void rejectsDataThatIsNotAnObject() {
        assertThat(SCHEMAS.validate("ippool/IpPoolDeleted.v1.schema.json", Sources.JSON.getNodeFactory().textNode(
                "orders-net"))).isNotEmpty();
    }

    private static List<String> violations(String type, Consumer<ObjectNode> damage) {
        ObjectNode data = EXAMPLES.get(type).deepCopy();
        damage.accept(data);
        return SCHEMAS.validate(SCHEMAS.dataschemaFor(type), data);
    }

    private static JsonNode schemaOf(String type) {
        String path = SCHEMAS.dataschemaFor(type);
        try {
            return Sources.JSON.readTree(Sources.schemaSourceDir().resolve(path).toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
