package io.seamless.projections.cluster;

import static org.hamcrest.Matchers.contains;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seamless.projections.cluster.ClusterEvents.Capacity;
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

@WebMvcTest(ClusterQueryController.class)
// The slice has Spring Boot's default security; roles per endpoint are proven in the server's EndpointRolesTest.
@WithMockUser(roles = "viewer")
class ClusterQueryControllerTest {

    private static final ClusterView BJ_1 = new ClusterView("bj-1", "beijing", "a",
            Map.of("tier", "gold", "example.com/rack", "r-07"), new Capacity("64", "256Gi", "10Ti"),
            List.of("orders-net"), false, 3);
    private static final ClusterView SH_1 = new ClusterView("sh-1", "shanghai", "b", Map.of(),
            new Capacity("2500m", "8G", "0"), List.of(), true, 1);

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ClusterRepository clusters;

    @Test
    void listsTheClustersWithTheirCapacityAndVersion() throws Exception {
        given(clusters.findActiveClusters()).willReturn(List.of(BJ_1, SH_1));

        mvc.perform(get("/api/v1/clusters"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.items[*].name", contains("bj-1", "sh-1")))
                .andExpect(jsonPath("$.items[0].site").value("beijing"))
                .andExpect(jsonPath("$.items[0].zone").value("a"))
                .andExpect(jsonPath("$.items[0].labels.tier").value("gold"))
                .andExpect(jsonPath("$.items[0].labels['example.com/rack']").value("r-07"))
                .andExpect(jsonPath("$.items[0].capacity.cpu").value("64"))
                .andExpect(jsonPath("$.items[0].capacity.memory").value("256Gi"))
                .andExpect(jsonPath("$.items[0].capacity.storage").value("10Ti"))
                .andExpect(jsonPath("$.items[0].ipPools", contains("orders-net")))
                .andExpect(jsonPath("$.items[0].cordoned").value(false))
                .andExpect(jsonPath("$.items[0].version").value(3))
                .andExpect(jsonPath("$.items[1].cordoned").value(true));
    }

    @Test
    void showsOneClusterWithEmptyLabelsAndPools() throws Exception {
        given(clusters.findActiveCluster("sh-1")).willReturn(Optional.of(SH_1));

        mvc.perform(get("/api/v1/clusters/sh-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("sh-1"))
                .andExpect(jsonPath("$.labels").isMap())
                .andExpect(jsonPath("$.labels").isEmpty())
                .andExpect(jsonPath("$.ipPools").isArray())
                .andExpect(jsonPath("$.ipPools").isEmpty())
                .andExpect(jsonPath("$.capacity.cpu").value("2500m"));
    }

    @Test
    void anUnknownClusterIsAProblemDetail() throws Exception {
        given(clusters.findActiveCluster("nope")).willReturn(Optional.empty());

        mvc.perform(get("/api/v1/clusters/nope").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/cluster-not-found"))
                .andExpect(jsonPath("$.title").value("Cluster not found"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("cluster 'nope' does not exist"))
                .andExpect(jsonPath("$.instance").value("/api/v1/clusters/nope"))
                .andExpect(jsonPath("$.errorCode").value("CLUSTER_NOT_FOUND"));
    }
}
