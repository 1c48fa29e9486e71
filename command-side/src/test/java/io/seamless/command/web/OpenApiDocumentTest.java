package io.seamless.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamless.domain.cluster.ClusterError;
import io.seamless.domain.common.ErrorCode;
import io.seamless.domain.ippool.IpPoolError;
import io.seamless.domain.servicegroup.ServiceGroupError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The OpenAPI document tells a client what each write needs and what it can answer: the role, the
 * bearer scheme, the request problems of any write, and every domain refusal of its resource.
 */
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.datasource.url=jdbc:h2:mem:openapi;DB_CLOSE_DELAY=-1"})
@EmbeddedKafka(kraft = true, partitions = 1)
@AutoConfigureMockMvc
class OpenApiDocumentTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void everyWriteNamesItsRoleAndEveryProblemTypeItCanAnswer() throws Exception {
        JsonNode paths = document().path("paths");
        List<String> incomplete = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode operation = op.getValue();
            boolean write = !op.getKey().equals("get");
            List<String> needed = new ArrayList<>(List.of("401", "403"));
            if (write && path.getKey().matches("/api/v1/(ip-pools|clusters|service-groups).*")) {
                needed.addAll(List.of("400", "412", "413", "415", "422"));
            }
            needed.stream().filter(status -> operation.path("responses").path(status).isMissingNode())
                    .forEach(status -> incomplete.add(op.getKey() + " " + path.getKey() + " lacks " + status));
            if (operation.path("x-seamless-role").isMissingNode() || operation.path("security").isEmpty()) {
                incomplete.add(op.getKey() + " " + path.getKey() + " lacks its role or security requirement");
            }
        }));
        assertThat(incomplete).isEmpty();

        assertAllDocumented(paths.path("/api/v1/ip-pools").path("post"), IpPoolError.values());
        assertAllDocumented(paths.path("/api/v1/clusters").path("post"), ClusterError.values());
        assertAllDocumented(paths.path("/api/v1/service-groups").path("post"), ServiceGroupError.values());
        assertThat(paths.path("/api/v1/ip-pools").path("post").path("responses").path("409").path("description")
                .asText()).contains("https://seamless.io/problems/ip-pool-exists",
                "https://seamless.io/problems/idempotency-key-in-progress");
    }

    private static void assertAllDocumented(JsonNode operation, ErrorCode[] codes) {
        String responses = operation.path("responses").toString();
        assertThat(Arrays.stream(codes).map(code -> ProblemTypes.BASE + code.slug()))
                .allSatisfy(type -> assertThat(responses).contains(type));
    }

    private JsonNode document() throws Exception {
        return new ObjectMapper().readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString());
    }
}
