package io.seamless.command.servicegroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seamless.domain.servicegroup.GroupStatus;
import io.seamless.domain.servicegroup.ServiceGroupView;
import io.seamless.domain.servicegroup.Unit;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The service-group Command API end to end on H2 and a real Kafka broker: placement over
 * registered clusters, addresses from the pools, failures that leave no half-done group, and
 * refusals that record nothing. No reactor runs here, so removed units' addresses are released
 * at once ({@code release-addresses-after=immediately}); AddressReleaseGateTest has the default.
 */
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.datasource.url=jdbc:h2:mem:servicegroupapi;DB_CLOSE_DELAY=-1",
    "seamless.service-groups.provisioning-poll=200ms",
    "seamless.service-groups.release-addresses-after=immediately"})
@EmbeddedKafka(kraft = true, partitions = 1)
@AutoConfigureMockMvc
class ServiceGroupCommandApiTest {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ServiceGroupReader reader;

    @Test
    void createsPlacesAndAddressesAGroupThenScalesAndDeletesIt() throws Exception {
        pool("sg-net", "10.60.0.0/24");
        clusters("sg-net", "a");
        postJson("/api/v1/service-groups", mysql("orders-db", "sg-net", 3))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith(
                        "/api/v1/service-groups/orders-db/operations/")))
                .andExpect(jsonPath("$.type").value("Create"))
                .andExpect(jsonPath("$.eventIds.length()").value(1));
        ServiceGroupView ready = awaitStatus("orders-db", GroupStatus.READY);
        postJson("/api/v1/service-groups", mysql("orders-db", "sg-net", 3)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errorCode").value("SERVICE_GROUP_EXISTS"));
        assertThat(ready.units()).hasSize(5).allSatisfy(unit -> assertThat(unit.address()).startsWith("10.60.0."));
        assertThat(ready.units().stream().map(Unit::address).collect(Collectors.toSet())).hasSize(5);
        assertThat(clustersOf(ready, "mysqld")).as("members spread over three clusters").hasSize(3);

        postJson("/api/v1/service-groups/orders-db/operations", "{\"type\": \"ScaleOut\", \"service\": \"mysqld\","
                + " \"replicas\": 5}").andExpect(status().isAccepted()).andExpect(jsonPath("$.type").value("ScaleOut"));
        ServiceGroupView scaled = awaitUnits("orders-db", 7);
        assertThat(scaled.units()).extracting(Unit::id).contains("orders-db-mysqld-3", "orders-db-mysqld-4");
        assertThat(allocations("sg-net")).isEqualTo(7);

        long before = events();
        postJson("/api/v1/service-groups/orders-db/operations", "{\"type\": \"ChangeResources\", \"service\":"
                + " \"mysqld\", \"resources\": {\"cpu\": \"100\"}}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.errorCode").value("PLACEMENT_INFEASIBLE"));
        postJson("/api/v1/service-groups/orders-db/operations", "{\"type\": \"ExpandVolume\", \"service\":"
                + " \"mysqld\", \"size\": \"20Ti\"}").andExpect(status().isConflict());
        assertThat(events()).as("refused resizes record nothing").isEqualTo(before);
        postJson("/api/v1/service-groups/orders-db/operations", "{\"type\": \"ChangeResources\", \"service\":"
                + " \"mysqld\", \"resources\": {\"cpu\": \"8\"}}").andExpect(status().isAccepted());
        assertThat(reader.read("orders-db").services().get("mysqld").resources())
                .isEqualTo(new io.seamless.domain.servicegroup.Resources("8", "8Gi"));

        postJson("/api/v1/service-groups/orders-db/operations", "{\"type\": \"ScaleIn\", \"service\": \"router\","
                + " \"replicas\": 1}").andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(20)).until(() -> allocations("sg-net") == 6);

        mvc.perform(delete("/api/v1/service-groups/orders-db")).andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(20)).until(() -> allocations("sg-net") == 0);
        mvc.perform(delete("/api/v1/ip-pools/sg-net")).andExpect(status().isOk());
    }

    @Test
    void anExhaustedPoolFailsTheCreationAndGivesBackWhatWasTaken() throws Exception {
        pool("tiny-net", "10.61.0.0/29");
        clusters("tiny-net", "b");
        postJson("/api/v1/service-groups", mysql("tiny-db", "tiny-net", 5)).andExpect(status().isAccepted());
        awaitStatus("tiny-db", GroupStatus.FAILED);
        await().atMost(Duration.ofSeconds(20)).until(() -> allocations("tiny-net") == 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cluster_unit WHERE service_group = 'tiny-db'")
                .query(Long.class).single()).isZero();
        postJson("/api/v1/service-groups/tiny-db/operations", "{\"type\": \"Restart\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errorCode").value("INVALID_STATE"));
        mvc.perform(delete("/api/v1/service-groups/tiny-db")).andExpect(status().isAccepted());
    }

    @Test
    void placesAStandbyOnAnotherSiteThanItsPrimaryAndPromotesIt() throws Exception {
        pool("dr-a-net", "10.63.0.0/24");
        pool("dr-b-net", "10.64.0.0/24");
        cluster("dr-bj", "beijing", "a", "[\"dr-a-net\", \"dr-b-net\"]");
        cluster("dr-sz", "shenzhen", "a", "[\"dr-b-net\"]");
        postJson("/api/v1/service-groups", mysql("pay-db", "dr-a-net", 3)).andExpect(status().isAccepted());
        awaitStatus("pay-db", GroupStatus.READY);
        String standby = mysql("pay-db-dr", "dr-b-net", 3).replace("}}}", "}}, \"standbyOf\": \"pay-db\"}");
        postJson("/api/v1/service-groups", standby).andExpect(status().isAccepted());
        ServiceGroupView placed = awaitStatus("pay-db-dr", GroupStatus.READY);
        assertThat(placed.standbyOf()).isEqualTo("pay-db");
        assertThat(placed.units()).extracting(Unit::cluster).containsOnly("dr-sz");
        postJson("/api/v1/service-groups/pay-db/operations", "{\"type\": \"PromoteStandby\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errorCode").value("NOT_A_STANDBY"));
        postJson("/api/v1/service-groups/pay-db-dr/operations", "{\"type\": \"PromoteStandby\"}")
                .andExpect(status().isAccepted());
        assertThat(reader.read("pay-db-dr").standbyOf()).isNull();
    }

    @Test
    void anInfeasiblePlacementIsRefusedAndRecordsNothing() throws Exception {
        pool("far-net", "10.62.0.0/24");
        long before = events();
        postJson("/api/v1/service-groups", mysql("far-db", "far-net", 3))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/placement-infeasible"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("far-net")));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void refusesBadShapesAndUnknownGroupsWithProblems() throws Exception {
        long before = events();
        postJson("/api/v1/service-groups", mysql("even-db", "x-net", 4))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errorCode").value("INVALID_REPLICAS"));
        postJson("/api/v1/service-groups/nobody/operations", "{\"type\": \"Restart\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errorCode").value("SERVICE_GROUP_NOT_FOUND"));
        postJson("/api/v1/service-groups/nobody/operations", "{\"type\": \"Explode\"}")
                .andExpect(status().isBadRequest());
        postJson("/api/v1/service-groups/nobody/operations", "{\"type\": \"ScaleOut\", \"service\": \"mysqld\","
                + " \"replicas\": 5}").andExpect(status().isNotFound());
        assertThat(events()).isEqualTo(before);
    }

    private ServiceGroupView awaitStatus(String group, GroupStatus status) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> reader.read(group), view -> view.status() == status);
    }

    private ServiceGroupView awaitUnits(String group, int units) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> reader.read(group),
                view -> view.status() == GroupStatus.READY && view.units().size() == units);
    }

    private static Set<String> clustersOf(ServiceGroupView view, String service) {
        return view.units().stream().filter(u -> u.service().equals(service)).map(Unit::cluster)
                .collect(Collectors.toSet());
    }

    private long allocations(String pool) {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type LIKE '%AddressAllocated'").param(pool).query(Long.class).single()
                - jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type LIKE '%AddressReleased'").param(pool).query(Long.class).single();
    }

    private long events() {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
    }

    private void pool(String name, String cidr) throws Exception {
        String gateway = cidr.replace("0/", "1/").substring(0, cidr.indexOf('/'));
        postJson("/api/v1/ip-pools", "{\"name\": \"" + name + "\", \"cidr\": \"" + cidr + "\", \"gateway\": \""
                + gateway + "\", \"cniMode\": \"calico\", \"network\": \"calico-" + name + "\"}")
                .andExpect(status().isCreated());
    }

    /** Three clusters on two sites, all able to use the pool. */
    private void clusters(String pool, String suffix) throws Exception {
        for (List<String> cluster : List.of(List.of("bj-1", "beijing", "a"), List.of("bj-2", "beijing", "b"),
                List.of("sh-1", "shanghai", "a"))) {
            postJson("/api/v1/clusters", "{\"name\": \"" + cluster.get(0) + "-" + suffix + "\", \"site\": \""
                    + cluster.get(1) + "\", \"zone\": \"" + cluster.get(2) + "\", \"capacity\": {\"cpu\": \"64\","
                    + " \"memory\": \"256Gi\", \"storage\": \"10Ti\"}, \"ipPools\": [\"" + pool + "\"]}")
                    .andExpect(status().isCreated());
        }
    }

    private void cluster(String name, String site, String zone, String pools) throws Exception {
        postJson("/api/v1/clusters", "{\"name\": \"" + name + "\", \"site\": \"" + site + "\", \"zone\": \""
                + zone + "\", \"capacity\": {\"cpu\": \"64\", \"memory\": \"256Gi\", \"storage\": \"10Ti\"},"
                + " \"ipPools\": " + pools + "}").andExpect(status().isCreated());
    }

    private static String mysql(String name, String pool, int members) {
        return "{\"name\": \"" + name + "\", \"engine\": \"mysql\", \"version\": \"8.0.36\", \"topology\":"
                + " \"innodb-cluster\", \"services\": {\"mysqld\": {\"replicas\": " + members + ", \"resources\":"
                + " {\"cpu\": \"2\", \"memory\": \"8Gi\"}, \"storage\": {\"size\": \"100Gi\"}, \"ipPool\": \"" + pool
                + "\"}, \"router\": {\"replicas\": 2, \"ipPool\": \"" + pool + "\"}}}";
    }

    private ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
