package io.seamless.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The IP pool Command API end to end on H2 and a real Kafka broker: answers, problems, nothing recorded on refusal. */
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.datasource.url=jdbc:h2:mem:commandapi;DB_CLOSE_DELAY=-1"})
@EmbeddedKafka(kraft = true, partitions = 1)
@AutoConfigureMockMvc
class IpPoolCommandApiTest {

    private static final String ORDERS_NET = """
            {"name": "orders-net", "cidr": "10.20.0.0/24", "gateway": "10.20.0.1",
             "excluded": ["10.20.0.2-10.20.0.9"], "vlan": 120, "cniMode": "calico", "network": "calico-pool-a"}""";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void createsAPoolAllocatesAndAnswersIdempotently() throws Exception {
        createPool("api-net", "10.30.0.0/24", "calico-a");
        postJson("/api/v1/ip-pools/api-net/allocations", "{\"unit\": \"orders-mysql-0\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/ip-pools/api-net/allocations/orders-mysql-0"))
                .andExpect(jsonPath("$.address").value("10.30.0.2"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.eventIds.length()").value(1));
        long before = eventCount();
        postJson("/api/v1/ip-pools/api-net/allocations", "{\"unit\": \"orders-mysql-0\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.address").value("10.30.0.2"))
                .andExpect(jsonPath("$.eventIds.length()").value(0));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void reservesReleasesAndDeletes() throws Exception {
        createPool("life-net", "10.31.0.0/24", "calico-a");
        postJson("/api/v1/ip-pools/life-net/allocations", "{\"unit\": \"u-1\", \"address\": \"10.31.0.77\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.address").value("10.31.0.77"));
        mvc.perform(delete("/api/v1/ip-pools/life-net")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errorCode").value("IP_POOL_HAS_ALLOCATIONS"));
        mvc.perform(delete("/api/v1/ip-pools/life-net/allocations/u-1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.address").value("10.31.0.77")).andExpect(jsonPath("$.version").value(2));
        mvc.perform(delete("/api/v1/ip-pools/life-net/allocations/u-1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.eventIds.length()").value(0));
        mvc.perform(delete("/api/v1/ip-pools/life-net")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3));
        postJson("/api/v1/ip-pools/life-net/allocations", "{\"unit\": \"u-2\"}").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/ip-pool-not-found"))
                .andExpect(jsonPath("$.detail").value("IP pool 'life-net' was deleted"));
    }

    @Test
    void refusesOverlapOnTheSameNetworkButNotOnAnother() throws Exception {
        createPool("wide-net", "10.40.0.0/16", "overlay-a");
        long before = eventCount();
        postJson("/api/v1/ip-pools", pool("inner-net", "10.40.3.0/24", "overlay-a"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/ip-pool-overlap"))
                .andExpect(jsonPath("$.detail").value("10.40.3.0/24 overlaps IP pool 'wide-net' on network 'overlay-a'"));
        assertThat(eventCount()).isEqualTo(before);
        createPool("inner-net", "10.40.3.0/24", "overlay-b");
    }

    @Test
    void refusesADuplicateName() throws Exception {
        createPool("dup-net", "10.50.0.0/24", "n1");
        postJson("/api/v1/ip-pools", pool("dup-net", "10.51.0.0/24", "n2"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errorCode").value("IP_POOL_EXISTS"));
    }

    @Test
    void answersBadInputWithProblemDetailsAndRecordsNothing() throws Exception {
        long before = eventCount();
        postJson("/api/v1/ip-pools", "{\"name\": \"x\", ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/malformed-request"));
        postJson("/api/v1/ip-pools", ORDERS_NET.replace("\"vlan\": 120", "\"vlan\": 120, \"colour\": \"red\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("unknown field 'colour'"));
        postJson("/api/v1/ip-pools", ORDERS_NET.replace("orders-net", "Orders_Net")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        postJson("/api/v1/ip-pools", ORDERS_NET.replace("10.20.0.0/24", "10.20.0.0/33"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errorCode").value("INVALID_CIDR"))
                .andExpect(jsonPath("$.instance").value("/api/v1/ip-pools"));
        postJson("/api/v1/ip-pools", ORDERS_NET.replace("\"10.20.0.1\"", "\"10.99.0.1\""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errorCode").value("GATEWAY_OUTSIDE_CIDR"));
        mvc.perform(post("/api/v1/ip-pools").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/unsupported-media-type"));
        postJson("/api/v1/ip-pools/no-such-pool/allocations", "{\"unit\": \"u\"}").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errorCode").value("IP_POOL_NOT_FOUND"));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void echoesTheCallersCorrelationIdOrGivesANewOne() throws Exception {
        createPool("corr-net", "10.32.0.0/24", "calico-a");
        mvc.perform(post("/api/v1/ip-pools/corr-net/allocations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unit\": \"u-1\"}").header("X-Correlation-Id", "deploy-42"))
                .andExpect(header().string("X-Correlation-Id", "deploy-42"));
        mvc.perform(post("/api/v1/ip-pools/corr-net/allocations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unit\": \"u-2\"}").header("X-Correlation-Id", "bad id\twith spaces"))
                .andExpect(header().string("X-Correlation-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}")));
        String stored = jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = 'corr-net'"
                + " AND sequence_number = 1").query((rs, row) -> new String(rs.getBytes(1),
                java.nio.charset.StandardCharsets.UTF_8)).single();
        assertThat(stored).contains("\"correlationId\":\"deploy-42\"");
    }

    @Test
    void theAuthenticatedCallerIsTheActorOfItsEvents() throws Exception {
        String issued = mvc.perform(post("/api/v1/api-tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"ci-pipeline\", \"roles\": [\"network-admin\"]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(issued).get("token").asText();
        mvc.perform(post("/api/v1/ip-pools").contentType(MediaType.APPLICATION_JSON)
                        .content(pool("actor-net", "10.33.0.0/24", "calico-a")).header("Authorization", "Bearer " + token))
                .andExpect(status().isCreated());
        String stored = jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = 'actor-net'")
                .query((rs, row) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8)).single();
        assertThat(stored).contains("\"actor\":\"apitoken:ci-pipeline\"");
    }

    @Test
    void exhaustionIsAConflictThatRecordsNothing() throws Exception {
        createPool("tiny-net", "10.60.0.0/30", "n1");
        postJson("/api/v1/ip-pools/tiny-net/allocations", "{\"unit\": \"u-0\"}").andExpect(status().isCreated());
        long before = eventCount();
        postJson("/api/v1/ip-pools/tiny-net/allocations", "{\"unit\": \"u-1\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/ip-pool-exhausted"))
                .andExpect(jsonPath("$.title").value("IP pool exhausted"));
        assertThat(eventCount()).isEqualTo(before);
    }

    private void createPool(String name, String cidr, String network) throws Exception {
        postJson("/api/v1/ip-pools", pool(name, cidr, network))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/ip-pools/" + name))
                .andExpect(jsonPath("$.version").value(0));
    }

    private static String pool(String name, String cidr, String network) {
        String gateway = cidr.substring(0, cidr.lastIndexOf('.')) + ".1";
        return """
                {"name": "%s", "cidr": "%s", "gateway": "%s", "cniMode": "calico", "network": "%s"}"""
                .formatted(name, cidr, gateway, network);
    }

    private ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body)
                .header("X-Seamless-Reason", "test").header("X-Seamless-Ticket", "CHG-1"));
    }

    private long eventCount() {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
    }
}
