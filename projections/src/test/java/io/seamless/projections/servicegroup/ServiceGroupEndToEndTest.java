package io.seamless.projections.servicegroup;

import static io.seamless.projections.servicegroup.ServiceGroupEventFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seamless.projections.ProjectionsConfiguration;
import io.seamless.projections.TestKafka;
import io.seamless.projections.support.ProjectionConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The module as the server runs it: the desired-state consumer on the real topic names, the publisher on
 * {@code seamless.desired-state}, and the query API over what they built. Only service group events are sent:
 * the IP pool and cluster topics belong to the other projections' end-to-end test, which lists them whole.
 */
@SpringBootTest(properties = {
        "spring.flyway.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:service-group-end-to-end;DB_CLOSE_DELAY=-1",
        "seamless.projections.group-id=service-group-end-to-end-test"})
@AutoConfigureMockMvc
class ServiceGroupEndToEndTest {

    private static final String GROUP = "e2e-db";

    @Autowired
    private MockMvc mvc;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private Map<String, ProjectionConsumer> consumers;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
    }

    @Test
    void serviceGroupEventsBecomeQueryableAndTheirDocumentIsPublished() throws Exception {
        ServiceGroupEventFixtures events = new ServiceGroupEventFixtures(DesiredStateConfiguration.SERVICE_GROUP_TOPIC,
                ProjectionsConfiguration.IP_POOL_TOPIC, ProjectionsConfiguration.CLUSTER_TOPIC);
        TestKafka.send(List.of(events.created(GROUP, 0, "op-create", "e2e-net", 3, 1),
                events.assigned(GROUP, 1, "op-create", Map.of(id(GROUP, "mysqld", 0), "10.90.0.10",
                        id(GROUP, "mysqld", 1), "10.90.0.11", id(GROUP, "mysqld", 2), "10.90.0.12",
                        id(GROUP, "router", 0), "10.90.0.20"))));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> mvc.perform(get("/api/v1/service-groups/" + GROUP))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1)));
        mvc.perform(get("/api/v1/service-groups"))
                .andExpect(jsonPath("$.items[*].name", hasItem(GROUP)));
        mvc.perform(get("/api/v1/service-groups/" + GROUP + "/operations/op-create"))
                .andExpect(jsonPath("$.state").value("Succeeded"));
        String document = mvc.perform(get("/api/v1/service-groups/" + GROUP + "/desired-state"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        PublishedDocuments published = await().atMost(Duration.ofSeconds(60)).until(() -> PublishedDocuments.read(
                TestKafka.bootstrapServers(), DesiredStateConfiguration.DESIRED_STATE_TOPIC), p -> p.at(GROUP, 1));
        assertThat(new String(published.latest().get(GROUP), StandardCharsets.UTF_8)).isEqualTo(document);
        assertThat(PublishedDocuments.json(published.latest().get(GROUP)).at("/units/0/config/0/content").asText())
                .contains("group_replication_group_seeds = 10.90.0.10:33061,10.90.0.11:33061,10.90.0.12:33061");
        mvc.perform(get("/api/v1/service-groups/no-such-db/desired-state"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errorCode").value("SERVICE_GROUP_NOT_FOUND"));
    }

    @Test
    void theDesiredStateConsumerRunsAndItsTablesAreMigrated() {
        ProjectionConsumer consumer = consumers.get("desiredStateProjectionConsumer");

        assertThat(consumer.isRunning()).isTrue();
        assertThat(jdbc.queryForList("SELECT \"script\" FROM \"flyway_projections_history\""
                + " WHERE \"type\" = 'SQL' AND \"success\" = TRUE", String.class))
                .contains("V5__service_group_views.sql");
    }
}
