package io.seamless.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamless.security.testapp.SecurityTestApplication;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** API tokens and per-endpoint roles through the real filter chain: who gets in, who does not, and why. */
@SpringBootTest(classes = SecurityTestApplication.class,
        properties = "seamless.security.bootstrap-admin.token=" + ApiSecurityTest.ADMIN)
@AutoConfigureMockMvc
class ApiSecurityTest {

    static final String ADMIN = "slt_bootstrapadmin22_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void withoutATokenEveryApiEndpointAnswers401WithAChallenge() throws Exception {
        mvc.perform(get("/api/v1/guarded")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"seamless\""))
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/unauthenticated"))
                .andExpect(jsonPath("$.errorCode").value("UNAUTHENTICATED"));
        mvc.perform(post("/api/v1/guarded/operations")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/no-such-thing")).andExpect(status().isUnauthorized());
    }

    @Test
    void aWrongTokenIsRefusedAndTheChallengeSaysSo() throws Exception {
        String forged = ADMIN.substring(0, ADMIN.length() - 1) + "B";
        as(get("/api/v1/guarded"), forged).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"seamless\", error=\"invalid_token\""))
                .andExpect(jsonPath("$.detail").value("the API token is unknown"));
        as(get("/api/v1/guarded"), "slt_garbage").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("the API token is malformed"));
    }

    @Test
    void aRoleLetsInWhatItImpliesAndNothingElse() throws Exception {
        String viewer = issue("reader-bot", "[\"viewer\"]");
        as(get("/api/v1/guarded"), viewer).andExpect(status().isOk())
                .andExpect(jsonPath("$.actor").value("apitoken:reader-bot"));
        as(post("/api/v1/guarded/operations"), viewer).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/forbidden"))
                .andExpect(jsonPath("$.detail").value("this endpoint needs the role 'operator'; your roles: viewer"));
        as(get("/api/v1/api-tokens"), viewer).andExpect(status().isForbidden());

        String operator = issue("deploy-bot", "[\"operator\"]");
        as(post("/api/v1/guarded/operations"), operator).andExpect(status().isOk())
                .andExpect(jsonPath("$.actor").value("apitoken:deploy-bot"));
        as(get("/api/v1/guarded"), operator).andExpect(status().isOk());
        as(post("/api/v1/guarded/operations"), issue("net-bot", "[\"network-admin\"]"))
                .andExpect(status().isForbidden());
        as(post("/api/v1/guarded/operations"), ADMIN).andExpect(status().isOk());
    }

    @Test
    void anEndpointThatDeclaresNoRoleIsOpenToNobody() throws Exception {
        as(get("/api/v1/forgotten"), ADMIN).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(
                        "this endpoint declares no role, so it is open to nobody; your roles: admin"));
    }

    @Test
    void aTokenIsShownOnceKeptAsAHashAndStopsWorkingWhenRevoked() throws Exception {
        JsonNode issued = body(as(post("/api/v1/api-tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"once-bot\", \"roles\": [\"viewer\"]}"), ADMIN)
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.state").value("active"))
                .andExpect(jsonPath("$.createdBy").value("apitoken:bootstrap-admin")));
        String token = issued.get("token").asText();
        String id = issued.get("id").asText();
        assertThat(token).startsWith("slt_" + id + "_");
        String stored = jdbc.sql("SELECT secret_hash FROM api_token WHERE id = ?").param(id).query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain(token.substring(token.lastIndexOf('_') + 1));
        as(get("/api/v1/api-tokens/" + id), ADMIN).andExpect(status().isOk())
                .andExpect(jsonPath("$.token").doesNotExist());
        as(get("/api/v1/api-tokens"), ADMIN).andExpect(jsonPath("$.items[*].token").isEmpty());

        as(get("/api/v1/guarded"), token).andExpect(status().isOk());
        as(delete("/api/v1/api-tokens/" + id), ADMIN).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("revoked"))
                .andExpect(jsonPath("$.revokedBy").value("apitoken:bootstrap-admin"));
        as(get("/api/v1/guarded"), token).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("the API token 'once-bot' is revoked"));
        as(delete("/api/v1/api-tokens/" + id), ADMIN).andExpect(status().isOk());
    }

    @Test
    void badTokenRequestsAreProblemsAndIssueNothing() throws Exception {
        long before = tokens();
        issueExpecting("{\"name\": \"Bad_Name\", \"roles\": [\"viewer\"]}", 400, "invalid-request");
        issueExpecting("{\"name\": \"no-roles\", \"roles\": []}", 400, "invalid-request");
        issueExpecting("{\"name\": \"odd-role\", \"roles\": [\"root\"]}", 400, "invalid-request");
        issueExpecting("{\"name\": \"past\", \"roles\": [\"viewer\"], \"expiresAt\": \"2001-01-01T00:00:00Z\"}",
                400, "invalid-request");
        issueExpecting("{\"name\": \"forever\", \"roles\": [\"viewer\"], \"expiresAt\": \""
                + Instant.now().plus(400, ChronoUnit.DAYS) + "\"}", 400, "invalid-request");
        issueExpecting("{\"name\": \"x\", \"roles\": [\"viewer\"], \"colour\": \"red\"}", 400, "malformed-request");
        issueExpecting("{\"name\": ", 400, "malformed-request");
        issueExpecting("{\"name\": \"bootstrap-admin\", \"roles\": [\"viewer\"]}", 409, "api-token-name-taken");
        as(get("/api/v1/api-tokens/nosuchtoken"), ADMIN).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/api-token-not-found"));
        assertThat(tokens()).isEqualTo(before);
    }

    private void issueExpecting(String body, int status, String type) throws Exception {
        as(post("/api/v1/api-tokens").contentType(MediaType.APPLICATION_JSON).content(body), ADMIN)
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/" + type));
    }

    private String issue(String name, String roles) throws Exception {
        return body(as(post("/api/v1/api-tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"" + name + "\", \"roles\": " + roles + "}"), ADMIN)
                .andExpect(status().isCreated())).get("token").asText();
    }

    private ResultActions as(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private long tokens() {
        return jdbc.sql("SELECT COUNT(*) FROM api_token").query(Long.class).single();
    }
}
