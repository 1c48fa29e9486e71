package io.seamless.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seamless.command.cluster.ClusterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cluster Command API end to end on H2 and a real Kafka broker: answers, the registry kept with the
 * events, problems, and nothing recorded on refusal. Same context as {@link IpPoolCommandApiTest}.
 */
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.datasource.url=jdbc:h2:mem:commandapi;DB_CLOSE_DELAY=-1"})
@EmbeddedKafka(kraft = true, partitions = 1)
@AutoConfigureMockMvc
class ClusterCommandApiTest {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ClusterRegistry clusters;
    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void registersAClusterWithItsCapacityInTheRegistry() throws Exception {
        createPool("reg-net", "10.110.0.0/24");
        postJson("/api/v1/clusters", """
                {"name": "bj-1", "site": "beijing", "zone": "a", "labels": {"tier": "gold", "example.com/rack": "r7"},
                 "capacity": {"cpu": "64", "memory": "256Gi", "storage": "10Ti"}, "ipPools": ["reg-net"]}""")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/clusters/bj-1"))
                .andExpect(jsonPath("$.name").value("bj-1"))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.eventIds.length()").value(1));

        assertThat(registry("bj-1")).containsEntry("SITE", "beijing").containsEntry("ZONE", "a")
                .containsEntry("LABELS", "{\"example.com/rack\":\"r7\",\"tier\":\"gold\"}")
                .containsEntry("CPU_MILLIS", 64_000L).containsEntry("MEMORY_BYTES", 274_877_906_944L)
                .containsEntry("STORAGE_BYTES", 10_995_116_277_760L).containsEntry("IP_POOLS", "[\"reg-net\"]")
                .containsEntry("CORDONED", false).containsEntry("REMOVED", false);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = 'cluster:bj-1'")
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aClusterMayBearTheNameOfAnIpPoolButNotOfAnotherCluster() throws Exception {
        createPool("twin", "10.111.0.0/24");
        register("twin", "{\"cpu\": \"8\", \"memory\": \"32Gi\", \"storage\": \"1Ti\"}");
        long before = eventCount();
        postJson("/api/v1/clusters", cluster("twin", "{\"cpu\": \"4\", \"memory\": \"8Gi\", \"storage\": \"0\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/cluster-exists"))
                .andExpect(jsonPath("$.detail").value("cluster 'twin' already exists (names of removed clusters are not"
                        + " reused)"));
        assertThat(eventCount()).isEqualTo(before);
        assertThat(registry("twin")).containsEntry("CPU_MILLIS", 8_000L);
    }

    @Test
    void updatesTheCapacityAndRecordsNothingWhenItIsUnchanged() throws Exception {
        register("cap-1", "{\"cpu\": \"8\", \"memory\": \"32Gi\", \"storage\": \"1Ti\"}");
        putJson("/api/v1/clusters/cap-1/capacity", "{\"cpu\": \"12.5\", \"memory\": \"48Gi\", \"storage\": \"2Ti\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.eventIds.length()").value(1));
        assertThat(registry("cap-1")).containsEntry("CPU_MILLIS", 12_500L).containsEntry("MEMORY_BYTES", 48L << 30)
                .containsEntry("STORAGE_BYTES", 2L << 40);
        long before = eventCount();
        putJson("/api/v1/clusters/cap-1/capacity", "{\"cpu\": \"12500m\", \"memory\": \"49152Mi\", \"storage\": \"2Ti\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.eventIds.length()").value(0));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void setsTheIpPoolsOnlyToPoolsThatExist() throws Exception {
        createPool("set-a", "10.112.0.0/24");
        createPool("set-b", "10.113.0.0/24");
        register("pools-1", "{\"cpu\": \"8\", \"memory\": \"32Gi\", \"storage\": \"1Ti\"}");
        putJson("/api/v1/clusters/pools-1/ip-pools", "{\"ipPools\": [\"set-b\", \"set-a\"]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        assertThat(registry("pools-1")).containsEntry("IP_POOLS", "[\"set-a\",\"set-b\"]");
        long before = eventCount();
        putJson("/api/v1/clusters/pools-1/ip-pools", "{\"ipPools\": [\"set-a\", \"nowhere-net\", \"gone-net\"]}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errorCode").value("UNKNOWN_IP_POOL"))
                .andExpect(jsonPath("$.detail").value("cluster 'pools-1' names IP pool(s) that do not exist:"
                        + " gone-net, nowhere-net; create them first or leave them out"));
        postJson("/api/v1/clusters", cluster("pools-2", "{\"cpu\": \"1\", \"memory\": \"1Gi\", \"storage\": \"0\"}")
                .replace("[]", "[\"nowhere-net\"]"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errorCode").value("UNKNOWN_IP_POOL"));
        assertThat(eventCount()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cluster_registry WHERE name = 'pools-2'").query(Long.class).single())
                .isZero();
    }

    @Test
    void cordonAndUncordonAreIdempotent() throws Exception {
        register("cordon-1", "{\"cpu\": \"8\", \"memory\": \"32Gi\", \"storage\": \"1Ti\"}");
        mvc.perform(post("/api/v1/clusters/cordon-1/cordon")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.eventIds.length()").value(1));
        assertThat(registry("cordon-1")).containsEntry("CORDONED", true);
        mvc.perform(post("/api/v1/clusters/cordon-1/cordon")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.eventIds.length()").value(0));
        mvc.perform(post("/api/v1/clusters/cordon-1/uncordon")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2)).andExpect(jsonPath("$.eventIds.length()").value(1));
        mvc.perform(post("/api/v1/clusters/cordon-1/uncordon")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2)).andExpect(jsonPath("$.eventIds.length()").value(0));
        assertThat(registry("cordon-1")).containsEntry("CORDONED", false);
    }

    @Test
    void removesAClusterThatHostsNoUnitAndNeverReusesItsName() throws Exception {
        register("gone-1", "{\"cpu\": \"8\", \"memory\": \"32Gi\", \"storage\": \"1Ti\"}");
        mvc.perform(delete("/api/v1/clusters/gone-1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.eventIds.length()").value(1));
        assertThat(registry("gone-1")).containsEntry("REMOVED", true);
        mvc.perform(post("/api/v1/clusters/gone-1/cordon")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/cluster-not-found"))
                .andExpect(jsonPath("$.detail").value("cluster 'gone-1' was removed"));
        postJson("/api/v1/clusters", cluster("gone-1", "{\"cpu\": \"8\", \"memory\": \"32Gi\", \"storage\": \"1Ti\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errorCode").value("CLUSTER_EXISTS"));
    }

    @Test
    void refusesToRemoveAClusterThatHostsUnitsAndRecordsNothing() throws Exception {
        register("busy-1", "{\"cpu\": \"8\", \"memory\": \"32Gi\", \"storage\": \"1Ti\"}");
        placeUnit("busy-1", "orders-mysql-0", "orders");
        placeUnit("busy-1", "orders-mysql-1", "orders");
        placeUnit("busy-1", "cache-redis-0", "cache");
        long before = eventCount();
        mvc.perform(delete("/api/v1/clusters/busy-1")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/cluster-hosts-units"))
                .andExpect(jsonPath("$.title").value("Cluster still hosts units"))
                .andExpect(jsonPath("$.detail").value("cluster 'busy-1' still hosts 3 unit(s) of service group(s)"
                        + " cache, orders; move or delete them first"))
                .andExpect(jsonPath("$.instance").value("/api/v1/clusters/busy-1"));
        assertThat(eventCount()).isEqualTo(before);
        assertThat(registry("busy-1")).containsEntry("REMOVED", false);

        jdbc.sql("DELETE FROM cluster_unit WHERE cluster = 'busy-1'").update();
        mvc.perform(delete("/api/v1/clusters/busy-1")).andExpect(status().isOk());
    }

    @Test
    void aRemovalWaitsForAPlacementHoldingTheClustersLockAndThenSeesItsUnit() throws Exception {
        register("race-1", "{\"cpu\": \"8\", \"memory\": \"32Gi\", \"storage\": \"1Ti\"}");
        CountDownLatch placed = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> placement = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    clusters.lock(List.of("race-1"));
                    placeUnit("race-1", "race-mysql-0", "race");
                    placed.countDown();
                    awaitLatch(mayCommit);
                }));
        assertThat(placed.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Integer> removal = CompletableFuture.supplyAsync(() -> statusOf(delete("/api/v1/clusters/race-1")));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL").query(Long.class).single() > 0);
        mayCommit.countDown();

        placement.get(30, TimeUnit.SECONDS);
        assertThat(removal.get(30, TimeUnit.SECONDS)).isEqualTo(409);
        assertThat(registry("race-1")).containsEntry("REMOVED", false);
    }

    @Test
    void answersBadInputWithProblemDetailsAndRecordsNothing() throws Exception {
        long before = eventCount();
        String good = "{\"cpu\": \"8\", \"memory\": \"32Gi\", \"storage\": \"1Ti\"}";
        postJson("/api/v1/clusters", cluster("Bad_Name", good)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        postJson("/api/v1/clusters", "{\"name\": \"c\", \"site\": \"s\", \"zone\": \"z\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("capacity"));
        postJson("/api/v1/clusters", cluster("c", good).replace("\"zone\"", "\"colour\": \"red\", \"zone\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("unknown field 'colour'"));
        postJson("/api/v1/clusters", cluster("c", good.replace("32Gi", "32GB")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/invalid-quantity"))
                .andExpect(jsonPath("$.detail").value(startsWith(
                        "capacity.memory: '32GB' is not a byte quantity")));
        postJson("/api/v1/clusters", cluster("c", good.replace("\"8\"", "\"0\"")))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errorCode").value("INVALID_CAPACITY"));
        postJson("/api/v1/clusters", cluster("c", good).replace("\"beijing\"", "\"bei jing\""))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errorCode").value("INVALID_LOCATION"));
        postJson("/api/v1/clusters", cluster("c", good).replace("{}", "{\"-tier\": \"gold\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errorCode").value("INVALID_LABEL"));
        putJson("/api/v1/clusters/no-such-cluster/capacity", good).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errorCode").value("CLUSTER_NOT_FOUND"))
                .andExpect(jsonPath("$.detail").value("cluster 'no-such-cluster' does not exist"));
        mvc.perform(post("/api/v1/clusters/Not_A_Name/cordon")).andExpect(status().isBadRequest());
        mvc.perform(delete("/api/v1/clusters/no-such-cluster")).andExpect(status().isNotFound());
        assertThat(eventCount()).isEqualTo(before);
    }

    private int statusOf(MockHttpServletRequestBuilder request) {
        try {
            return mvc.perform(request).andReturn().getResponse().getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void register(String name, String capacity) throws Exception {
        postJson("/api/v1/clusters", cluster(name, capacity)).andExpect(status().isCreated());
    }

    private static String cluster(String name, String capacity) {
        return """
                {"name": "%s", "site": "beijing", "zone": "a", "labels": {}, "capacity": %s, "ipPools": []}"""
                .formatted(name, capacity);
    }

    private void createPool(String name, String cidr) throws Exception {
        postJson("/api/v1/ip-pools", """
                {"name": "%s", "cidr": "%s", "gateway": "%s", "cniMode": "calico", "network": "%s"}"""
                .formatted(name, cidr, cidr.replace("0/24", "1"), name)).andExpect(status().isCreated());
    }

    /** What the service group work does when it places a unit: a row in cluster_unit. */
    private void placeUnit(String cluster, String unit, String serviceGroup) {
        jdbc.sql("INSERT INTO cluster_unit (cluster, unit_id, service_group, cpu_millis, memory_bytes, storage_bytes)"
                + " VALUES (?, ?, ?, 1000, 1073741824, 0)").params(cluster, unit, serviceGroup).update();
    }

    private Map<String, Object> registry(String name) {
        return jdbc.sql("SELECT * FROM cluster_registry WHERE name = ?").param(name).query().singleRow();
    }

    private ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body)
                .header("X-Seamless-Reason", "test"));
    }

    private ResultActions putJson(String path, String body) throws Exception {
        return mvc.perform(put(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long eventCount() {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
    }
}
