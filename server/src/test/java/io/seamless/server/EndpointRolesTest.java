package io.seamless.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamless.security.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Walks the whole OpenAPI document of the running server (every role's endpoints) and proves, for each
 * operation: it declares the role the access model gives it; without a token it answers 401; with a token of every role that does
 * not imply the declared one it answers 403; with the declared role it gets past security. The refused
 * calls record no event. Same configuration as {@link ControlPlaneEndToEndTest}, so it shares its server.
 */
@SpringBootTest(classes = SeamlessServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seamless.data-dir=target/test-data/end-to-end", "seamless.kafka.embedded.port=0"})
class EndpointRolesTest {

    private static final String EXTENSION = "x-seamless-role";

    static {
        TestData.wipeOnce("target/test-data/end-to-end");
    }

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcClient jdbc;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);

    /** An operation of the document: method, path with its variables filled in, and the role it declares. */
    private record Endpoint(String method, String path, Role role) {
    }

    @BeforeEach
    void tokenPerRole() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (Role role : Role.values()) {
            JsonNode issued = json.readTree(send("POST", "/api/v1/api-tokens", TestCaller.ADMIN_TOKEN,
                    "{\"name\": \"walk-" + role.wireName() + "-" + run + "\", \"roles\": [\"" + role.wireName()
                            + "\"]}").body());
            tokens.put(role, issued.get("token").asText());
        }
    }

    @Test
    void everyEndpointDeclaresItsRoleAndRefusesEveryCallerWithoutIt() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).extracting(Endpoint::path)
                .anyMatch(path -> path.startsWith("/api/v1/ip-pools"))
                .anyMatch(path -> path.startsWith("/api/v1/service-groups"))
                .anyMatch(path -> path.startsWith("/api/v1/clusters"))
                .anyMatch(path -> path.startsWith("/api/v1/api-tokens"))
                .anyMatch(path -> path.startsWith("/api/v1/admin/projections"));
        assertThat(endpoints).allSatisfy(endpoint ->
                assertThat(endpoint.role()).as(endpoint.toString()).isEqualTo(expectedRole(endpoint)));
        long events = events();
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            expect(wrong, endpoint, "no token", null, 401, "unauthenticated");
            for (Role caller : Role.values()) {
                if (!caller.implies(endpoint.role())) {
                    expect(wrong, endpoint, caller.wireName(), tokens.get(caller), 403, "forbidden");
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(events()).as("refused calls record nothing").isEqualTo(events);

        for (Endpoint endpoint : endpoints) {
            int status = send(endpoint.method(), endpoint.path(), tokens.get(endpoint.role()), "{}").statusCode();
            assertThat(status).as(endpoint + " with its own role").isNotIn(401, 403);
        }
    }

    /** The access model of the API, written down independently of the annotations it checks. */
    private static Role expectedRole(Endpoint endpoint) {
        if (endpoint.path().startsWith("/api/v1/api-tokens") || endpoint.path().startsWith("/api/v1/admin/")) {
            return Role.ADMIN;
        }
        if (endpoint.path().startsWith("/api/v1/audit") || endpoint.path().endsWith("/history")
                || endpoint.path().endsWith("/diff")) {
            return Role.AUDITOR;
        }
        if (endpoint.method().equals("GET")) {
            return Role.VIEWER;
        }
        if (endpoint.path().startsWith("/api/v1/ip-pools")) {
            return Role.NETWORK_ADMIN;
        }
        if (endpoint.path().startsWith("/api/v1/clusters")) {
            return Role.CLUSTER_ADMIN;
        }
        return endpoint.path().startsWith("/api/v1/service-groups") ? Role.OPERATOR : Role.ADMIN;
    }

    private void expect(List<String> wrong, Endpoint endpoint, String caller, String token, int status, String type)
            throws Exception {
        HttpResponse<String> answer = send(endpoint.method(), endpoint.path(), token, "{}");
        if (answer.statusCode() != status
                || !json.readTree(answer.body()).path("type").asText().endsWith("/problems/" + type)) {
            wrong.add(endpoint + " as " + caller + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    private List<Endpoint> endpoints() throws Exception {
        JsonNode document = json.readTree(send("GET", "/v3/api-docs", null, null).body());
        List<Endpoint> endpoints = new ArrayList<>();
        List<String> undeclared = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String method = op.getKey().toUpperCase();
            String role = op.getValue().path(EXTENSION).asText(null);
            if (role == null) {
                undeclared.add(method + " " + path.getKey());
                return;
            }
            endpoints.add(new Endpoint(method, path.getKey().replaceAll("\\{[^}]+}", "probe-x"),
                    Role.fromWireName(role).orElseThrow()));
        }));
        assertThat(undeclared).as("API operations without " + EXTENSION).isEmpty();
        return endpoints;
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null || method.equals("GET") || method.equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long events() {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
    }
}
