package io.seamless.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/** Idempotency-Key on the API's writes: a retry replays the first answer and records nothing. */
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.datasource.url=jdbc:h2:mem:idempotency;DB_CLOSE_DELAY=-1", "seamless.idempotency.max-body-bytes=4096"})
@EmbeddedKafka(kraft = true, partitions = 1)
@AutoConfigureMockMvc
class IdempotencyKeyTest {

    private static final String POOL = """
            {"name": "idem-net", "cidr": "10.80.0.0/24", "gateway": "10.80.0.1", "cniMode": "calico",
             "network": "calico-idem"}""";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void aRetryWithTheSameKeyReplaysTheFirstAnswerAndRecordsNothing() throws Exception {
        MvcResult first = post("/api/v1/ip-pools", "key-create-1", POOL).andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed")).andReturn();
        long events = events();
        MvcResult retry = post("/api/v1/ip-pools", "key-create-1", POOL).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(header().string("Location", "/api/v1/ip-pools/idem-net")).andReturn();
        assertThat(retry.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        assertThat(events()).isEqualTo(events);

        post("/api/v1/ip-pools/idem-net/allocations", "key-alloc-1", "{\"unit\": \"u-1\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.address").value("10.80.0.2"));
        post("/api/v1/ip-pools/idem-net/allocations", "key-alloc-1", "{\"unit\": \"u-1\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.address").value("10.80.0.2"))
                .andExpect(jsonPath("$.eventIds.length()").value(1));
        mvc.perform(delete("/api/v1/ip-pools/idem-net/allocations/u-1").header("Idempotency-Key", "key-release-1"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.eventIds.length()").value(1));
        mvc.perform(delete("/api/v1/ip-pools/idem-net/allocations/u-1").header("Idempotency-Key", "key-release-1"))
                .andExpect(status().isOk()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.eventIds.length()").value(1));
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() throws Exception {
        post("/api/v1/ip-pools", "key-reused", POOL.replace("idem-net", "reuse-net").replace("10.80", "10.81"))
                .andExpect(status().isCreated());
        long events = events();
        post("/api/v1/ip-pools", "key-reused", POOL.replace("idem-net", "other-net").replace("10.80", "10.82"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/idempotency-key-reused"))
                .andExpect(jsonPath("$.errorCode").value("IDEMPOTENCY_KEY_REUSED"));
        post("/api/v1/ip-pools/reuse-net/allocations", "key-reused", "{\"unit\": \"u-1\"}")
                .andExpect(status().isUnprocessableEntity());
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void aRefusalIsReplayedTooAndABadKeyOrBodyIsAProblem() throws Exception {
        post("/api/v1/ip-pools/nowhere-net/allocations", "key-404", "{\"unit\": \"u-1\"}")
                .andExpect(status().isNotFound());
        post("/api/v1/ip-pools/nowhere-net/allocations", "key-404", "{\"unit\": \"u-1\"}")
                .andExpect(status().isNotFound()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.errorCode").value("IP_POOL_NOT_FOUND"));
        post("/api/v1/ip-pools", "x".repeat(256), POOL).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/invalid-request"));
        long keys = keys();
        post("/api/v1/ip-pools", "key-big", "{\"name\": \"" + "a".repeat(5000) + "\"}")
                .andExpect(status().isPayloadTooLarge());
        assertThat(keys()).isEqualTo(keys);
    }

    @Test
    void keysBelongToTheirCallerAndAnIssuedTokenIsNeverKept() throws Exception {
        long keys = keys();
        String body = "{\"name\": \"idem-bot\", \"roles\": [\"network-admin\"]}";
        String issued = post("/api/v1/api-tokens", "key-shared", body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        assertThat(keys()).as("the answer held a secret: not written down").isEqualTo(keys);
        post("/api/v1/api-tokens", "key-shared", body).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/api-token-name-taken"));

        String bot = new com.fasterxml.jackson.databind.ObjectMapper().readTree(issued).get("token").asText();
        // Same key, another caller: a request of its own, neither replayed nor refused.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/ip-pools")
                        .header("Authorization", "Bearer " + bot).header("Idempotency-Key", "key-shared")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(POOL.replace("idem-net", "bot-net").replace("10.80", "10.83")))
                .andExpect(status().isCreated()).andExpect(header().doesNotExist("Idempotent-Replayed"));
        // The admin's own key-shared holds its 409 (the retried issue): for the admin it is taken.
        post("/api/v1/ip-pools", "key-shared", POOL.replace("idem-net", "admin-net").replace("10.80", "10.84"))
                .andExpect(status().isUnprocessableEntity());
    }

    private long keys() {
        return jdbc.sql("SELECT COUNT(*) FROM idempotency_key").query(Long.class).single();
    }

    private ResultActions post(String path, String key, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long events() {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
    }
}
