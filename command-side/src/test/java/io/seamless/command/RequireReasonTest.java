package io.seamless.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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

/** The compliance switch seamless.audit.require-reason: a write without X-Seamless-Reason is refused and records nothing. */
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.datasource.url=jdbc:h2:mem:requirereason;DB_CLOSE_DELAY=-1", "seamless.audit.require-reason=true"})
@EmbeddedKafka(kraft = true, partitions = 1)
@AutoConfigureMockMvc
class RequireReasonTest {

    private static final String POOL = """
            {"name": "why-net", "cidr": "10.90.0.0/24", "gateway": "10.90.0.1", "cniMode": "calico",
             "network": "calico-why"}""";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void aWriteWithoutAReasonIsRefusedAndOneWithAReasonIsRecordedWithIt() throws Exception {
        mvc.perform(post("/api/v1/ip-pools").contentType(MediaType.APPLICATION_JSON).content(POOL))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/invalid-request"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("X-Seamless-Reason")));
        mvc.perform(post("/api/v1/ip-pools").contentType(MediaType.APPLICATION_JSON).content(POOL)
                .header("X-Seamless-Reason", "   ")).andExpect(status().isBadRequest());
        mvc.perform(delete("/api/v1/ip-pools/why-net")).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single()).isZero();

        mvc.perform(post("/api/v1/ip-pools").contentType(MediaType.APPLICATION_JSON).content(POOL)
                .header("X-Seamless-Reason", "network for the orders database")).andExpect(status().isCreated());
        byte[] metaData = jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = 'why-net'")
                .query((rs, row) -> rs.getBytes(1)).single();
        assertThat(new String(metaData, java.nio.charset.StandardCharsets.UTF_8))
                .contains("network for the orders database");
    }
}
