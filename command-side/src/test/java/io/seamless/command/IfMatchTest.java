package io.seamless.command;

import static org.assertj.core.api.Assertions.assertThat;
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

/** Optimistic concurrency over HTTP: a write with If-Match applies only to the version it names. */
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.datasource.url=jdbc:h2:mem:ifmatch;DB_CLOSE_DELAY=-1"})
@EmbeddedKafka(kraft = true, partitions = 1)
@AutoConfigureMockMvc
class IfMatchTest {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void aWriteNamingAnOlderOrNewerVersionIsRefusedWith412AndRecordsNothing() throws Exception {
        mvc.perform(post("/api/v1/ip-pools").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "match-net", "cidr": "10.91.0.0/24", "gateway": "10.91.0.1", "cniMode": "calico",
                 "network": "calico-match"}""")).andExpect(status().isCreated());
        allocate("u-1", "\"0\"").andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(1))
                .andExpect(header().string("ETag", "\"1\""));
        long events = events();
        allocate("u-2", "\"0\"").andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/precondition-failed"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("version 1")));
        allocate("u-2", "\"7\"").andExpect(status().isPreconditionFailed());
        assertThat(events()).isEqualTo(events);
        allocate("u-2", "\"1\"").andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(2));
        allocate("u-3", "*").andExpect(status().isCreated());
        allocate("u-4", "W/\"3\"").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/invalid-request"));
    }

    private ResultActions allocate(String unit, String ifMatch) throws Exception {
        return mvc.perform(post("/api/v1/ip-pools/match-net/allocations").header("If-Match", ifMatch)
                .contentType(MediaType.APPLICATION_JSON).content("{\"unit\": \"" + unit + "\"}"));
    }

    private long events() {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
    }
}
