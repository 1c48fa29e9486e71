package io.seamless.projections.ippool;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(IpPoolQueryController.class)
// The slice has Spring Boot's default security; roles per endpoint are proven in the server's EndpointRolesTest.
@WithMockUser(roles = "viewer")
class IpPoolQueryControllerTest {

    private static final PoolView ORDERS = new PoolView("orders-net", "10.20.0.0/24", "10.20.0.1",
            List.of("10.20.0.2-10.20.0.9"), 120, "calico", "calico-pool-a", 245, 3, 7);
    private static final PoolView BILLING = new PoolView("billing-net", "10.30.0.0/24", "10.30.0.1",
            List.of(), null, "macvlan", "macvlan-b", 253, 0, 0);

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private IpPoolRepository pools;

    @Test
    void listsThePoolsWithFreeAddressesAndVersion() throws Exception {
        given(pools.findActivePools()).willReturn(List.of(BILLING, ORDERS));

        mvc.perform(get("/api/v1/ip-pools"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.items[*].name", contains("billing-net", "orders-net")))
                .andExpect(jsonPath("$.items[1].cidr").value("10.20.0.0/24"))
                .andExpect(jsonPath("$.items[1].gateway").value("10.20.0.1"))
                .andExpect(jsonPath("$.items[1].excluded", contains("10.20.0.2-10.20.0.9")))
                .andExpect(jsonPath("$.items[1].vlan").value(120))
                .andExpect(jsonPath("$.items[1].cniMode").value("calico"))
                .andExpect(jsonPath("$.items[1].network").value("calico-pool-a"))
                .andExpect(jsonPath("$.items[1].capacity").value(245))
                .andExpect(jsonPath("$.items[1].allocated").value(3))
                .andExpect(jsonPath("$.items[1].free").value(242))
                .andExpect(jsonPath("$.items[1].version").value(7));
    }

    @Test
    void aPoolWithoutVlanOmitsTheField() throws Exception {
        given(pools.findActivePool("billing-net")).willReturn(Optional.of(BILLING));

        mvc.perform(get("/api/v1/ip-pools/billing-net"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("billing-net"))
                .andExpect(jsonPath("$.excluded").isArray())
                .andExpect(jsonPath("$.free").value(253))
                .andExpect(jsonPath("$", not(hasKey("vlan"))))
                .andExpect(header().string("ETag", "\"0\""));
    }

    @Test
    void anUnknownPoolIsAProblemDetail() throws Exception {
        given(pools.findActivePool("nope")).willReturn(Optional.empty());

        expectPoolNotFound(mvc.perform(get("/api/v1/ip-pools/nope")), "/api/v1/ip-pools/nope");
    }

    @Test
    void anUnknownPoolAnswersAProblemDetailEvenWhenJsonIsAsked() throws Exception {
        given(pools.findActivePool("nope")).willReturn(Optional.empty());

        expectPoolNotFound(mvc.perform(get("/api/v1/ip-pools/nope").accept(MediaType.APPLICATION_JSON)),
                "/api/v1/ip-pools/nope");
    }

    @Test
    void allocationsAreInNumericAddressOrder() throws Exception {
        given(pools.findActivePool("orders-net")).willReturn(Optional.of(ORDERS));
        given(pools.findAllocations("orders-net")).willReturn(List.of(
                new AllocationView("orders-mysql-2", "10.20.0.100", "reserved", 5),
                new AllocationView("orders-mysql-1", "10.20.0.10", "allocated", 2),
                new AllocationView("orders-mysql-0", "10.20.0.9", "allocated", 1)));

        mvc.perform(get("/api/v1/ip-pools/orders-net/allocations"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pool").value("orders-net"))
                .andExpect(jsonPath("$.items[*].address", contains("10.20.0.9", "10.20.0.10", "10.20.0.100")))
                .andExpect(jsonPath("$.items[0].unit").value("orders-mysql-0"))
                .andExpect(jsonPath("$.items[0].kind").value("allocated"))
                .andExpect(jsonPath("$.items[0].sequence").value(1))
                .andExpect(jsonPath("$.items[2].kind").value("reserved"));
    }

    @Test
    void allocationsOfAnUnknownPoolAreAProblemDetail() throws Exception {
        given(pools.findActivePool("nope")).willReturn(Optional.empty());

        expectPoolNotFound(mvc.perform(get("/api/v1/ip-pools/nope/allocations")),
                "/api/v1/ip-pools/nope/allocations");
    }

    private static void expectPoolNotFound(ResultActions result, String path) throws Exception {
        result.andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/ip-pool-not-found"))
                .andExpect(jsonPath("$.title").value("IP pool not found"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("IP pool 'nope' does not exist"))
                .andExpect(jsonPath("$.instance").value(path))
                .andExpect(jsonPath("$.errorCode").value("IP_POOL_NOT_FOUND"));
    }
}
