package io.seamless.projections.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.seamless.projections.CloudEventRecords;
import io.seamless.projections.ProjectionsConfiguration;
import io.seamless.projections.TestKafka;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The projections' lag per topic and the pools' free addresses, as the meters and the health read them. */
@SpringBootTest(properties = {"spring.flyway.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:projection-status;DB_CLOSE_DELAY=-1",
    "seamless.projections.group-id=status-test", "seamless.projections.lag-refresh=1s"})
class ProjectionStatusTest {

    private static final String TYPES = "io.seamless.ippool.";

    @Autowired
    private ProjectionLag lag;
    @Autowired
    private PoolAddressMetrics pools;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
    }

    @Test
    void lagFallsToZeroOnceAppliedAndEachPoolShowsItsFreeAddresses() {
        MeterRegistry meters = new SimpleMeterRegistry();
        lag.bindTo(meters);
        pools.bindTo(meters);
        String topic = ProjectionsConfiguration.IP_POOL_TOPIC;
        TestKafka.send(List.of(
                CloudEventRecords.event(topic, TYPES + "IpPoolCreated.v1", "status-net", 0, """
                        {"pool": "status-net", "cidr": "10.72.0.0/29", "gateway": "10.72.0.1", "excluded": [],
                         "vlan": 72, "cniMode": "calico", "network": "calico-status", "capacity": 5}"""),
                CloudEventRecords.event(topic, TYPES + "AddressAllocated.v1", "status-net", 1,
                        "{\"pool\": \"status-net\", \"unit\": \"status-0\", \"address\": \"10.72.0.2\"}")));

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(meters.get("seamless.ippool.addresses.free").tag("pool", "status-net").gauge().value())
                    .isEqualTo(4.0);
            assertThat(meters.get("seamless.projection.lag").tag("projection", "ippool").tag("topic", topic)
                    .gauge().value()).isZero();
        });
        ProjectionLag.Status ippool = lag.of("ippool");
        assertThat(ippool.running()).isTrue();
        assertThat(ippool.lagByTopic()).containsEntry(topic, 0L);
        assertThat(lag.all()).containsKeys("ippool", "cluster", "desired-state", "history");
    }
}
