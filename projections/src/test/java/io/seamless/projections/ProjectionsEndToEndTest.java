package io.seamless.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The module as the server runs it: Spring Boot's DataSource (H2), the Flyway of the projections only, a
 * consumer on the real topic name, and the query API reading what the events built.
 */
@SpringBootTest(properties = {
        "spring.flyway.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:projections-end-to-end;DB_CLOSE_DELAY=-1",
        "seamless.projections.group-id=end-to-end-test"})
@AutoConfigureMockMvc
class ProjectionsEndToEndTest {

    private static final String TYPES = "io.seamless.ippool.";

    @Autowired
    private MockMvc mvc;

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
    }

    @Test
    void eventsPublishedOnTheIpPoolTopicBecomeQueryable() throws Exception {
        String topic = ProjectionsConfiguration.IP_POOL_TOPIC;
        TestKafka.send(List.of(
                CloudEventRecords.event(topic, TYPES + "IpPoolCreated.v1", "payments-net", 0, """
                        {"pool": "payments-net", "cidr": "10.70.0.0/24", "gateway": "10.70.0.1", "excluded": [],
                         "vlan": 70, "cniMode": "kube-ovn", "network": "ovn-payments", "capacity": 253}"""),
                CloudEventRecords.event(topic, TYPES + "AddressAllocated.v1", "payments-net", 1,
                        "{\"pool\": \"payments-net\", \"unit\": \"payments-pg-0\", \"address\": \"10.70.0.10\"}"),
                CloudEventRecords.event(topic, TYPES + "AddressReserved.v1", "payments-net", 2,
                        "{\"pool\": \"payments-net\", \"unit\": \"payments-pg-1\", \"address\": \"10.70.0.9\"}")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> mvc.perform(get("/api/v1/ip-pools/payments-net"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2)));

        mvc.perform(get("/api/v1/ip-pools"))
                .andExpect(jsonPath("$.items[*].name", contains("payments-net")))
                .andExpect(jsonPath("$.items[0].free").value(251));
        mvc.perform(get("/api/v1/ip-pools/payments-net/allocations"))
                .andExpect(jsonPath("$.items[*].unit", contains("payments-pg-1", "payments-pg-0")));
    }

    @Test
    void eventsPublishedOnTheClusterTopicBecomeQueryable() throws Exception {
        String topic = ProjectionsConfiguration.CLUSTER_TOPIC;
        String types = "io.seamless.cluster.";
        TestKafka.send(List.of(
                CloudEventRecords.event(topic, types + "ClusterRegistered.v1", "bj-9", 0, """
                        {"cluster": "bj-9", "site": "beijing", "zone": "a", "labels": {"tier": "gold"},
                         "capacity": {"cpu": "64", "memory": "256Gi", "storage": "10Ti"}, "ipPools": ["payments-net"]}"""),
                CloudEventRecords.event(topic, types + "ClusterCordoned.v1", "bj-9", 1, "{\"cluster\": \"bj-9\"}")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> mvc.perform(get("/api/v1/clusters/bj-9"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1)));

        mvc.perform(get("/api/v1/clusters"))
                .andExpect(jsonPath("$.items[*].name", contains("bj-9")))
                .andExpect(jsonPath("$.items[0].cordoned").value(true))
                .andExpect(jsonPath("$.items[0].capacity.memory").value("256Gi"));
    }

    @Test
    void theSchemaHasItsOwnFlywayHistory() {
        List<String> applied = jdbc.queryForList("SELECT \"script\" FROM \"flyway_projections_history\""
                + " WHERE \"type\" = 'SQL' AND \"success\" = TRUE", String.class);

        assertThat(applied).contains("V1__ip_pool_views.sql", "V2__cluster_views.sql");
    }
}
