package io.seamless.projections.servicegroup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seamless.projections.support.EventEnvelope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * This module's copy of the public contract against docs/event-catalogue.md: every service group event of the
 * catalogue is one the projection reads, its example reads without error, and so do the examples of the two
 * pool and cluster events the desired state takes facts from.
 */
class CatalogueExamplesTest {

    private static final Pattern EXAMPLE = Pattern.compile(
            "^### `(io\\.seamless\\.[^`]+)`$.*?^```json$(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyServiceGroupEventOfTheCatalogueIsReadWithItsExample() throws IOException {
        Map<String, ObjectNode> examples = examples("io.seamless.servicegroup.");

        assertThat(examples.keySet()).containsExactlyInAnyOrderElementsOf(ServiceGroupEvents.types());
        examples.forEach((type, data) -> assertThat(ServiceGroupEvents.read(envelope(type, data)))
                .as(type).isPresent());
    }

    @Test
    void thePoolAndClusterExamplesGiveTheirFacts() throws IOException {
        ObjectNode pool = examples("io.seamless.ippool.").get(PlacementEvents.POOL_CREATED);
        ObjectNode cluster = examples("io.seamless.cluster.").get(PlacementEvents.CLUSTER_REGISTERED);

        assertThat(PlacementEvents.poolCreated(envelope(PlacementEvents.POOL_CREATED, pool)))
                .isEqualTo(new PlacementEvents.PoolCreated("orders-net", "calico", "calico-pool-a", "10.20.0.0/24"));
        assertThat(PlacementEvents.clusterRegistered(envelope(PlacementEvents.CLUSTER_REGISTERED, cluster)))
                .isEqualTo(new PlacementEvents.ClusterRegistered("bj-1", "beijing", "a"));
    }

    /** The catalogue's examples of the types starting with {@code prefix}, by type. */
    private static Map<String, ObjectNode> examples(String prefix) throws IOException {
        Path catalogue = Path.of(System.getProperty("basedir", ".")).resolve("../docs/event-catalogue.md");
        Matcher matcher = EXAMPLE.matcher(Files.readString(catalogue));
        Map<String, ObjectNode> examples = new TreeMap<>();
        while (matcher.find()) {
            if (matcher.group(1).startsWith(prefix)) {
                examples.put(matcher.group(1), (ObjectNode) JSON.readTree(matcher.group(2)));
            }
        }
        return examples;
    }

    /** The example as the consumer would hand it over, its subject being the aggregate the data names. */
    private static EventEnvelope envelope(String type, ObjectNode data) {
        String subject = data.path(data.has("group") ? "group" : data.has("pool") ? "pool" : "cluster").asText();
        return new EventEnvelope("id", type, subject, 0, Instant.EPOCH, data);
    }
}
