package io.seamless.projections.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamless.projections.CloudEventRecords;
import io.seamless.projections.ProjectionsConfiguration;
import io.seamless.projections.TestKafka;
import io.seamless.projections.support.TopicOffsets;
import io.seamless.projections.support.ProjectionGenerations;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A projection rebuilt from offset 0 into a new generation while the old one serves, then switched to: the same
 * rows as the replaced generation, new events land in the new one, and the switch outlives a restart. Subclasses
 * run it on H2 and on PostgreSQL (schema names and the connection's schema differ between the two).
 */
@SpringBootTest(properties = "spring.flyway.enabled=false")
@AutoConfigureMockMvc
abstract class ProjectionRebuildContractTest {

    private static final String TYPES = "io.seamless.ippool.";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private MockMvc mvc;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private ProjectionGenerations generations;

    @Autowired
    private List<RebuildableProjection> projections;

    @Test
    void rebuildsTheIpPoolProjectionWhileItServesThenSwitchesToTheRebuiltTables() throws Exception {
        String pool = "rebuild-" + UUID.randomUUID().toString().substring(0, 8);
        TestKafka.send(List.of(created(pool), allocated(pool, 1, "a"), allocated(pool, 2, "b"),
                allocated(pool, 3, "c")));
        awaitPoolVersion(pool, 3);

        mvc.perform(post("/api/v1/admin/projections/ippool/rebuild"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/admin/projections/ippool/rebuild"))
                .andExpect(jsonPath("$.state").value("PREPARING"));
        mvc.perform(post("/api/v1/admin/projections/ippool/rebuild"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/rebuild-running"));
        mvc.perform(get("/api/v1/ip-pools/" + pool)).andExpect(status().isOk()); // the old generation serves
        JsonNode done = awaitCompleted("ippool");

        String rebuilt = done.at("/generation/schema").asText();
        assertThat(done.at("/replay/percent").asDouble()).isEqualTo(100.0);
        for (JsonNode table : done.get("tables")) {
            assertThat(table.get("rebuiltRows").asLong()).as(table.toString())
                    .isEqualTo(table.get("replacedRows").asLong());
        }
        assertThat(rows(rebuilt, "ip_pool_view", "name")).isEqualTo(rows(null, "ip_pool_view", "name"));
        assertThat(rows(rebuilt, "ip_allocation_view", "pool, unit"))
                .isEqualTo(rows(null, "ip_allocation_view", "pool, unit"));

        TestKafka.send(List.of(allocated(pool, 4, "d")));
        awaitPoolVersion(pool, 4);
        assertThat(count(rebuilt, "ip_allocation_view", pool)).isEqualTo(4);
        assertThat(count(null, "ip_allocation_view", pool)).isEqualTo(3);

        ProjectionGenerations.Generation afterRestart = generations.current("ippool", "configured-group");
        assertThat(afterRestart.schema()).isEqualTo(rebuilt);
        assertThat(afterRestart.groupId()).isEqualTo(done.at("/generation/consumerGroup").asText());
        mvc.perform(get("/api/v1/admin/projections"))
                .andExpect(jsonPath("$.items[?(@.name == 'ippool')].schema").value(rebuilt));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cluster", "desired-state", "history"})
    void everyProjectionRebuildsToTheSameRows(String projection) throws Exception {
        awaitLiveCaughtUp(projection); // else the replay may be ahead of the replaced generation, legitimately
        mvc.perform(post("/api/v1/admin/projections/" + projection + "/rebuild"))
                .andExpect(status().isAccepted());

        JsonNode done = awaitCompleted(projection);

        assertThat(done.get("tables")).isNotEmpty();
        for (JsonNode table : done.get("tables")) {
            assertThat(table.get("rebuiltRows").asLong()).as(table.toString())
                    .isEqualTo(table.get("replacedRows").asLong());
        }
    }

    @Test
    void anUnknownProjectionIsAProblem() throws Exception {
        mvc.perform(post("/api/v1/admin/projections/no-such-view/rebuild"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type", endsWith("/problems/projection-not-found")));
    }

    private void awaitLiveCaughtUp(String name) {
        RebuildableProjection projection = projections.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow();
        TopicOffsets offsets = new TopicOffsets(projection.consumer().settings().kafka(),
                projection.consumer().settings().topics());
        await().atMost(PATIENCE).until(() -> {
            TopicOffsets.Span span = offsets.span();
            return span.reached(projection.consumer().committedOffsets(), span.end());
        });
    }

    private JsonNode awaitCompleted(String projection) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
            String body = mvc.perform(get("/api/v1/admin/projections/" + projection + "/rebuild"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            JsonNode progress = JSON.readTree(body);
            assertThat(progress.get("state").asText()).as(body).isNotEqualTo("FAILED");
            return progress;
        }, progress -> progress.get("state").asText().equals("COMPLETED"));
    }

    private void awaitPoolVersion(String pool, int version) {
        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(get("/api/v1/ip-pools/" + pool))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(version)));
    }

    private List<Map<String, Object>> rows(String schema, String table, String orderBy) throws SQLException {
        return new JdbcTemplate(dataSource).queryForList("SELECT * FROM " + qualified(schema, table)
                + " ORDER BY " + orderBy);
    }

    private long count(String schema, String table, String pool) throws SQLException {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM " + qualified(schema, table)
                + " WHERE pool = ?", Long.class, pool);
    }

    private String qualified(String schema, String table) throws SQLException {
        if (schema != null) {
            return "\"" + schema + "\"." + table;
        }
        try (Connection connection = dataSource.getConnection()) {
            return "\"" + connection.getSchema() + "\"." + table;
        }
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> created(String pool) {
        return CloudEventRecords.event(ProjectionsConfiguration.IP_POOL_TOPIC, TYPES + "IpPoolCreated.v1", pool, 0,
                "{\"pool\": \"" + pool + "\", \"cidr\": \"10.71.0.0/24\", \"gateway\": \"10.71.0.1\","
                        + " \"excluded\": [], \"vlan\": 71, \"cniMode\": \"calico\", \"network\": \"calico-a\","
                        + " \"capacity\": 253}");
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> allocated(String pool, int sequence,
                                                                                              String unit) {
        return CloudEventRecords.event(ProjectionsConfiguration.IP_POOL_TOPIC, TYPES + "AddressAllocated.v1", pool,
                sequence, "{\"pool\": \"" + pool + "\", \"unit\": \"" + pool + "-" + unit + "\", \"address\":"
                        + " \"10.71.0." + (10 + sequence) + "\"}");
    }
}
