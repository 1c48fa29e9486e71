package io.seamless.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The cluster schemas refuse what the Cluster aggregate refuses, starting from the catalogue's examples. */
class ClusterSchemaRejectionTest {

    private static final EventSchemas SCHEMAS = EventSchemas.load();
    private static final Map<String, ObjectNode> EXAMPLES = Sources.catalogueExamples();
    private static final String REGISTERED = "io.seamless.cluster.ClusterRegistered.v1";
    private static final String CAPACITY_UPDATED = "io.seamless.cluster.ClusterCapacityUpdated.v1";
    private static final String IP_POOLS_UPDATED = "io.seamless.cluster.ClusterIpPoolsUpdated.v1";

    static Stream<String> clusterTypes() {
        return EXAMPLES.keySet().stream().filter(type -> type.startsWith("io.seamless.cluster."));
    }

    @Test
    void everyClusterEventOfTheCatalogueHasASchema() {
        assertThat(clusterTypes()).containsExactlyInAnyOrder(REGISTERED, CAPACITY_UPDATED, IP_POOLS_UPDATED,
                "io.seamless.cluster.ClusterCordoned.v1", "io.seamless.cluster.ClusterUncordoned.v1",
                "io.seamless.cluster.ClusterRemoved.v1");
    }

    @ParameterizedTest
    @MethodSource("clusterTypes")
    void rejectsABadClusterName(String type) {
        for (String bad : List.of("BJ-1", "bj_1", "-bj", "bj-", "", "c".repeat(64), "bj-1\n")) {
            assertThat(violations(type, data -> data.put("cluster", bad))).as("cluster '%s'", bad).isNotEmpty();
        }
        assertThat(violations(type, data -> data.put("cluster", "c".repeat(63)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bei jing", "-beijing", "beijing.", "beijing\n"})
    void rejectsABadSiteOrZone(String bad) {
        assertThat(violations(REGISTERED, data -> data.put("site", bad))).isNotEmpty();
        assertThat(violations(REGISTERED, data -> data.put("zone", bad))).isNotEmpty();
    }

    @Test
    void acceptsSitesAndZonesThatAreLabelValues() {
        assertThat(violations(REGISTERED, data -> data.put("site", "Bei_jing.DC-1").put("zone", "z".repeat(63))))
                .isEmpty();
        assertThat(violations(REGISTERED, data -> data.put("zone", "z".repeat(64)))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tier", "tier-", "ti er", "a/b/c", "/tier", "Example.com/tier", "example.com/", "tier\n"})
    void rejectsALabelKeyKubernetesWouldRefuse(String key) {
        assertThat(violations(REGISTERED, data -> labels(data).put(key, "gold"))).isNotEmpty();
    }

    @Test
    void acceptsPrefixedLabelKeysAndEmptyValuesButNotLongOnes() {
        assertThat(violations(REGISTERED, data -> labels(data).put("topology.example.com/rack", "R_07.a")
                .put("empty", ""))).isEmpty();
        assertThat(violations(REGISTERED, data -> labels(data).put("t".repeat(63), "x"))).isEmpty();
        assertThat(violations(REGISTERED, data -> labels(data).put("t".repeat(64), "x"))).isNotEmpty();
        assertThat(violations(REGISTERED, data -> labels(data).put("tier", "g".repeat(64)))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-gold", "gold-", "go ld", "gold/plated"})
    void rejectsALabelValueKubernetesWouldRefuse(String value) {
        assertThat(violations(REGISTERED, data -> labels(data).put("tier", value))).isNotEmpty();
    }

    @Test
    void rejectsNonTextLabelValuesAndMoreThan64Labels() {
        assertThat(violations(REGISTERED, data -> labels(data).put("tier", 7))).isNotEmpty();
        assertThat(violations(REGISTERED, data -> {
            for (int i = 0; i < 64; i++) {
                labels(data).put("label-" + i, "x");
            }
        })).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0m", "2.5", "64 cores", "-1", "500Mi", "1e3", "064", ""})
    void rejectsACpuThatIsNotACanonicalPositiveQuantity(String cpu) {
        assertThat(violations(REGISTERED, data -> capacity(data).put("cpu", cpu))).isNotEmpty();
        assertThat(violations(CAPACITY_UPDATED, data -> capacity(data).put("cpu", cpu))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"256GB", "256gi", "1.5Gi", "1K", "500m", "0", "0Gi", "-1Gi", "Gi", ""})
    void rejectsMemoryThatIsNotACanonicalPositiveQuantity(String memory) {
        assertThat(violations(REGISTERED, data -> capacity(data).put("memory", memory))).isNotEmpty();
    }

    @Test
    void acceptsCanonicalQuantitiesAndNoStorage() {
        assertThat(violations(REGISTERED, data -> capacity(data).put("cpu", "2500m").put("memory", "8G")
                .put("storage", "0"))).isEmpty();
        assertThat(violations(CAPACITY_UPDATED, data -> capacity(data).put("memory", "1536").put("storage", "7Ei")))
                .isEmpty();
        assertThat(violations(CAPACITY_UPDATED, data -> capacity(data).put("storage", "0Ti"))).isNotEmpty();
    }

    @Test
    void capacityHasExactlyCpuMemoryAndStorage() {
        for (String field : List.of("cpu", "memory", "storage")) {
            assertThat(violations(REGISTERED, data -> capacity(data).remove(field))).as(field).isNotEmpty();
        }
        assertThat(violations(CAPACITY_UPDATED, data -> capacity(data).put("gpu", "8"))).isNotEmpty();
        assertThat(violations(CAPACITY_UPDATED, data -> capacity(data).put("cpu", 64))).isNotEmpty();
    }

    @Test
    void ipPoolsAreASetOfPoolNames() {
        assertThat(violations(IP_POOLS_UPDATED, data -> pools(data).removeAll())).isEmpty();
        assertThat(violations(IP_POOLS_UPDATED, data -> pools(data).add("orders-net"))).as("repeated").isNotEmpty();
        assertThat(violations(REGISTERED, data -> pools(data).add("Orders_Net"))).isNotEmpty();
        assertThat(violations(REGISTERED, data -> pools(data).add(""))).isNotEmpty();
        assertThat(violations(IP_POOLS_UPDATED, data -> {
            for (int i = 0; i < 63; i++) {
                pools(data).add("pool-" + i);
            }
        })).isNotEmpty();
    }

    private static ObjectNode labels(ObjectNode data) {
        return (ObjectNode) data.get("labels");
    }

    private static ObjectNode capacity(ObjectNode data) {
        return (ObjectNode) data.get("capacity");
    }

    private static ArrayNode pools(ObjectNode data) {
        return (ArrayNode) data.get("ipPools");
    }

    private static List<String> violations(String type, Consumer<ObjectNode> damage) {
        ObjectNode data = EXAMPLES.get(type).deepCopy();
        damage.accept(data);
        return SCHEMAS.validate(SCHEMAS.dataschemaFor(type), data);
    }
}
