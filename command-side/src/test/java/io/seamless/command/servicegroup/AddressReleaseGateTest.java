package io.seamless.command.servicegroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamless.command.dispatch.AuditMetadata;
import io.seamless.command.dispatch.CommandDispatcher;
import io.seamless.command.observation.ObservationIngester;
import io.seamless.domain.cluster.Capacity;
import io.seamless.domain.cluster.RegisterCluster;
import io.seamless.domain.ippool.CreateIpPool;
import io.seamless.domain.servicegroup.GroupStatus;
import io.seamless.domain.servicegroup.PlannedUnit;
import io.seamless.domain.servicegroup.ServiceGroupCommands;
import io.seamless.domain.servicegroup.ServiceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * With the default {@code release-addresses-after=unit-released}, a removed unit's address stays with its pool until
 * the reactor of the unit's cluster reports on {@code seamless.observations} that the Unit and its Pod are gone
 * (played here by the test, through the real ingester); then it is released once, however often that is reported.
 */
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.datasource.url=jdbc:h2:mem:releasegate;DB_CLOSE_DELAY=-1", "spring.main.web-application-type=none",
    "seamless.service-groups.provisioning-poll=200ms", "seamless.observations.retry-backoff=200ms"})
@EmbeddedKafka(kraft = true, partitions = 1)
class AddressReleaseGateTest {

    private static final AuditMetadata AUDIT = new AuditMetadata("alice", "release gate", null, "corr-gate");
    private static final Duration HELD = Duration.ofMillis(1500);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private CommandDispatcher dispatcher;
    @Autowired
    private ServiceGroupReader reader;
    @Autowired
    private JdbcClient jdbc;
    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;
    private KafkaProducer<String, String> producer;

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void scaleInReleasesTheAddressOnlyOnceTheUnitIsReportedGoneByItsClusterAndOnlyOnce() {
        String pool = readyGroup("scale-db", "10.90.1.0/24", "gate-1");
        dispatcher.send(new ServiceGroupCommands.ScaleIn("scale-db", "op-2", "redis", 2), AUDIT);

        await().during(HELD).atMost(HELD.multipliedBy(3)).until(() -> releases(pool, "scale-db-redis-2") == 0);
        assertThat(pendingReleases("scale-db")).containsExactly("scale-db-redis-2");

        unitReleased("another-cluster", "scale-db", "scale-db-redis-2");
        await().during(HELD).atMost(HELD.multipliedBy(3)).until(() -> releases(pool, "scale-db-redis-2") == 0);

        unitReleased("gate-1", "scale-db", "scale-db-redis-2");
        await().atMost(Duration.ofSeconds(20)).until(() -> releases(pool, "scale-db-redis-2") == 1);
        await().until(() -> pendingReleases("scale-db").isEmpty());

        unitReleased("gate-1", "scale-db", "scale-db-redis-2");
        unitReleased("gate-1", "scale-db", "scale-db-redis-2");
        await().during(HELD).atMost(HELD.multipliedBy(3)).until(() -> releases(pool, "scale-db-redis-2") == 1);
        assertThat(releasesOfPool(pool)).as("no other unit's address moved").isEqualTo(1);
        assertThat(observationsRecorded("scale-db", "UNIT_RELEASED")).as("news once").isEqualTo(1);
    }

    @Test
    void aDeletedGroupsAddressesGoBackUnitByUnitAsEachIsReportedGone() {
        String pool = readyGroup("gone-db", "10.90.2.0/24", "gate-2");
        dispatcher.send(new ServiceGroupCommands.DeleteServiceGroup("gone-db", "op-2"), AUDIT);
        await().during(HELD).atMost(HELD.multipliedBy(3)).until(() -> releasesOfPool(pool) == 0);
        assertThat(pendingReleases("gone-db")).hasSize(6);

        unitReleased("gate-2", "gone-db", "gone-db-sentinel-0");

        await().atMost(Duration.ofSeconds(20)).until(() -> releases(pool, "gone-db-sentinel-0") == 1);
        await().during(HELD).atMost(HELD.multipliedBy(3)).until(() -> releasesOfPool(pool) == 1);
        assertThat(pendingReleases("gone-db")).hasSize(5).doesNotContain("gone-db-sentinel-0");
    }

    @Test
    void aReportRecordedBeforeTheUnitWasRemovedIsAboutAnEarlierUnitObjectAndReleasesNothing() {
        String pool = readyGroup("hand-db", "10.90.3.0/24", "gate-3");
        // Someone deleted the Unit by hand: its Pod went, the reactor reported it and created the Unit again.
        unitReleased("gate-3", "hand-db", "hand-db-redis-2");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM servicegroup_unit_released"
                + " WHERE unit_id = 'hand-db-redis-2'").query(Long.class).single() == 1);
        assertThat(observationsRecorded("hand-db", "UNIT_RELEASED")).isEqualTo(1);

        dispatcher.send(new ServiceGroupCommands.ScaleIn("hand-db", "op-2", "redis", 2), AUDIT);

        await().during(HELD).atMost(HELD.multipliedBy(3)).until(() -> releases(pool, "hand-db-redis-2") == 0);
        unitReleased("gate-3", "hand-db", "hand-db-redis-2");
        await().atMost(Duration.ofSeconds(20)).until(() -> releases(pool, "hand-db-redis-2") == 1);
    }

    @Test
    void aCrashBetweenReleasingAndForgettingReleasesNothingTwice() {
        String pool = readyGroup("crash-db", "10.90.4.0/24", "gate-4");
        dispatcher.send(new ServiceGroupCommands.ScaleIn("crash-db", "op-2", "redis", 2), AUDIT);
        unitReleased("gate-4", "crash-db", "crash-db-redis-2");
        await().atMost(Duration.ofSeconds(20)).until(() -> releases(pool, "crash-db-redis-2") == 1);
        await().until(() -> pendingReleases("crash-db").isEmpty());

        // The work rows as a crash right after the release would have left them.
        jdbc.sql("INSERT INTO servicegroup_pending_release (unit_id, ip_pool, service_group, cluster)"
                + " VALUES ('crash-db-redis-2', ?, 'crash-db', 'gate-4')").param(pool).update();
        jdbc.sql("INSERT INTO servicegroup_unit_released (unit_id, cluster, service_group, observed_at)"
                + " VALUES ('crash-db-redis-2', 'gate-4', 'crash-db', CURRENT_TIMESTAMP)").update();

        await().atMost(Duration.ofSeconds(20)).until(() -> pendingReleases("crash-db").isEmpty());
        assertThat(releases(pool, "crash-db-redis-2")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM servicegroup_unit_released WHERE unit_id = 'crash-db-redis-2'")
                .query(Long.class).single()).isZero();
    }

    /** A READY redis group (3 redis, 3 sentinels) on one cluster with a pool of its own; returns the pool. */
    private String readyGroup(String group, String cidr, String cluster) {
        String pool = group + "-net";
        dispatcher.send(new CreateIpPool(pool, cidr, cidr.replace("0/24", "1"), List.of(), null, "calico", "c"),
                AUDIT);
        dispatcher.send(new RegisterCluster(cluster, "beijing", "a", Map.of(), new Capacity("64", "256Gi", "10Ti"),
                List.of(pool)), AUDIT);
        dispatcher.send(new ServiceGroupCommands.CreateServiceGroup(group, "op-1", "redis", "7.2.4", "sentinel", 0,
                Map.of("redis", new ServiceSpec(3, null, null, Map.of(), pool),
                        "sentinel", new ServiceSpec(3, null, null, Map.of(), pool)),
                List.of(unit(group, "redis", 0, cluster), unit(group, "redis", 1, cluster),
                        unit(group, "redis", 2, cluster), unit(group, "sentinel", 0, cluster),
                        unit(group, "sentinel", 1, cluster), unit(group, "sentinel", 2, cluster)), null), AUDIT);
        await().atMost(Duration.ofSeconds(20)).until(() -> reader.read(group).status() == GroupStatus.READY);
        return pool;
    }

    private static PlannedUnit unit(String group, String service, int ordinal, String cluster) {
        return new PlannedUnit(group + "-" + service + "-" + ordinal, service, null, ordinal, cluster);
    }

    /** What the Unit controller of {@code cluster} reports once a deleted Unit's Pod is gone. */
    private void unitReleased(String cluster, String group, String unit) {
        String observation = "{\"cluster\": \"" + cluster + "\", \"group\": \"" + group + "\", \"unit\": \"" + unit
                + "\", \"type\": \"UNIT_RELEASED\", \"reason\": \"PodGone\", \"time\": \"2026-11-25T10:00:00Z\"}";
        producer.send(new ProducerRecord<>(ObservationIngester.TOPIC, unit, observation));
        producer.flush();
    }

    /** AddressReleased events of the pool for the unit. */
    private long releases(String pool, String unit) {
        return jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type LIKE '%AddressReleased'").param(pool)
                .query((rs, row) -> read(rs.getBytes(1)).path("unit").asText()).list().stream()
                .filter(unit::equals).count();
    }

    private long releasesOfPool(String pool) {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%AddressReleased'").param(pool).query(Long.class).single();
    }

    private long observationsRecorded(String group, String observation) {
        return jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type LIKE '%ObservationRecorded'")
                .param(ServiceGroupCommands.aggregateId(group))
                .query((rs, row) -> read(rs.getBytes(1)).path("observation").asText()).list().stream()
                .filter(observation::equals).count();
    }

    private List<String> pendingReleases(String group) {
        return jdbc.sql("SELECT unit_id FROM servicegroup_pending_release WHERE service_group = ? ORDER BY unit_id")
                .param(group).query(String.class).list();
    }

    private static com.fasterxml.jackson.databind.JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
