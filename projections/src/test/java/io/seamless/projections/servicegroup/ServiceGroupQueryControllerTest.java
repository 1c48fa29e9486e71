package io.seamless.projections.servicegroup;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seamless.projections.servicegroup.DesiredStateRepository.StoredDocument;
import io.seamless.projections.servicegroup.OperationView.State;
import io.seamless.projections.servicegroup.ServiceGroupEvents.Resources;
import io.seamless.projections.servicegroup.ServiceGroupEvents.ServiceSpec;
import io.seamless.projections.servicegroup.ServiceGroupEvents.Storage;
import io.seamless.projections.servicegroup.ServiceGroupViews.Detail;
import io.seamless.projections.servicegroup.ServiceGroupViews.Summary;
import io.seamless.projections.servicegroup.ServiceGroupViews.UnitView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(ServiceGroupQueryController.class)
// The slice has Spring Boot's default security; roles per endpoint are proven in the server's EndpointRolesTest.
@WithMockUser(roles = "viewer")
class ServiceGroupQueryControllerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String DOCUMENT = "{\"apiVersion\":\"seamless.io/v2\",\"kind\":\"ServiceGroupDesiredState\","
            + "\"name\":\"orders-db\",\"version\":1}";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ServiceGroupRepository groups;

    @MockitoBean
    private DesiredStateRepository documents;

    @Test
    void listsTheGroupsWithStatusAndVersion() throws Exception {
        given(groups.findActiveGroups()).willReturn(List.of(
                new Summary("cache-db", "redis", "sentinel", "7.2.5", "FAILED", 6, 1, T0),
                new Summary("orders-db", "mysql", "innodb-cluster", "8.0.36", "READY", 5, 4, T0.plusSeconds(4))));

        mvc.perform(get("/api/v1/service-groups"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name", contains("cache-db", "orders-db")))
                .andExpect(jsonPath("$.items[1].engineVersion").value("8.0.36"))
                .andExpect(jsonPath("$.items[1].status").value("READY"))
                .andExpect(jsonPath("$.items[1].units").value(5))
                .andExpect(jsonPath("$.items[1].version").value(4))
                .andExpect(jsonPath("$.items[1].updatedAt").value("2026-01-01T00:00:04Z"));
    }

    @Test
    void showsAGroupsUnitsWithClusterAndAddressAndItsServices() throws Exception {
        given(groups.findActiveGroup("orders-db")).willReturn(Optional.of(new Detail("orders-db", "mysql",
                "innodb-cluster", "8.0.36", 0, "PROVISIONING", null, "orders-db-mysqld-0", 0, "op-out",
                Map.of("mysqld", new ServiceSpec(3, new Resources("2", "8Gi"), new Storage(null, "100Gi"),
                        Map.of("max_connections", "500"), "orders-net")),
                List.of(new UnitView("orders-db-mysqld-0", "mysqld", null, 0, "bj-1", "10.20.0.10", "UNIT_READY"),
                        new UnitView("orders-db-mysqld-3", "mysqld", null, 3, "bj-2", null, null)),
                1, null, 3, T0, T0.plusSeconds(3))));

        mvc.perform(get("/api/v1/service-groups/orders-db"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PROVISIONING"))
                .andExpect(jsonPath("$.pendingOperation").value("op-out"))
                .andExpect(jsonPath("$.readyUnits").value(1))
                .andExpect(jsonPath("$.units[0].observed").value("UNIT_READY"))
                .andExpect(jsonPath("$.units[1].observed").doesNotExist())
                .andExpect(jsonPath("$.services.mysqld.replicas").value(3))
                .andExpect(jsonPath("$.services.mysqld.storage", not(hasKey("storageClass"))))
                .andExpect(jsonPath("$.services.mysqld.config.max_connections").value("500"))
                .andExpect(jsonPath("$.units[0].cluster").value("bj-1"))
                .andExpect(jsonPath("$.units[0].address").value("10.20.0.10"))
                .andExpect(jsonPath("$.units[1]", not(hasKey("address"))))
                .andExpect(jsonPath("$", not(hasKey("renderError"))))
                .andExpect(jsonPath("$.version").value(3));
    }

    @Test
    void answersTheDocumentAsStoredWithItsHashAsETag() throws Exception {
        given(groups.isActive("orders-db")).willReturn(true);
        given(documents.findDocument("orders-db")).willReturn(Optional.of(
                new StoredDocument("orders-db", 1, DOCUMENT, "ab12", null)));

        mvc.perform(get("/api/v1/service-groups/orders-db/desired-state"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("ETag", "\"ab12\""))
                .andExpect(content().string(DOCUMENT));
    }

    @Test
    void answersAnOperationsProgress() throws Exception {
        given(groups.findOperation("orders-db", "op-out")).willReturn(Optional.of(new OperationView("orders-db",
                "op-out", "ScaleOut", State.Failed, "IP pool orders-net is exhausted", T0, T0.plusSeconds(1),
                T0.plusSeconds(1), List.of(2L, 3L))));

        mvc.perform(get("/api/v1/service-groups/orders-db/operations/op-out"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("ScaleOut"))
                .andExpect(jsonPath("$.state").value("Failed"))
                .andExpect(jsonPath("$.reason").value("IP pool orders-net is exhausted"))
                .andExpect(jsonPath("$.acceptedAt").value("2026-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.finishedAt").value("2026-01-01T00:00:01Z"))
                .andExpect(jsonPath("$.sequences", contains(2, 3)));
    }

    @Test
    void anUnknownGroupIsAProblemDetailOnEveryPath() throws Exception {
        given(groups.findActiveGroup("nope")).willReturn(Optional.empty());
        given(groups.isActive("nope")).willReturn(false);
        given(groups.findOperation("nope", "op-1")).willReturn(Optional.empty());

        for (String path : List.of("/api/v1/service-groups/nope", "/api/v1/service-groups/nope/desired-state",
                "/api/v1/service-groups/nope/operations/op-1")) {
            expectProblem(mvc.perform(get(path).accept(MediaType.APPLICATION_JSON)), path, "service-group-not-found",
                    "Service group not found", "service group 'nope' does not exist");
        }
    }

    @Test
    void anOperationThatRecordedNothingIsAProblemDetail() throws Exception {
        given(groups.findOperation("orders-db", "op-9")).willReturn(Optional.empty());
        given(groups.isActive("orders-db")).willReturn(true);

        String path = "/api/v1/service-groups/orders-db/operations/op-9";
        expectProblem(mvc.perform(get(path)), path, "operation-not-found", "Operation not found",
                "service group 'orders-db' has no recorded operation 'op-9'");
    }

    @Test
    void aGroupWithoutRenderedDocumentSaysWhy() throws Exception {
        given(groups.isActive("orders-db")).willReturn(true);
        given(documents.findDocument("orders-db")).willReturn(Optional.of(
                new StoredDocument("orders-db", 0, null, null, "unknown engine 'mysql'")));

        String path = "/api/v1/service-groups/orders-db/desired-state";
        expectProblem(mvc.perform(get(path)), path, "desired-state-not-rendered", "Desired state not rendered",
                "no desired state of service group 'orders-db' could be rendered: unknown engine 'mysql'");
    }

    private static void expectProblem(ResultActions result, String path, String slug, String title, String detail)
            throws Exception {
        result.andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/" + slug))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value(detail))
                .andExpect(jsonPath("$.instance").value(path))
                .andExpect(jsonPath("$.errorCode").value(slug.toUpperCase().replace('-', '_')));
    }
}
