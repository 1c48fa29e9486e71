package io.seamless.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seamless.command.dispatch.AuditMetadata;
import io.seamless.command.dispatch.CommandDispatcher;
import io.seamless.domain.ippool.AddressAssignment;
import io.seamless.domain.ippool.AllocateAddress;
import io.seamless.domain.ippool.CreateIpPool;
import io.seamless.domain.ippool.ReleaseAddress;
import java.time.Duration;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** A pool restored from its snapshot (cache emptied) has exactly the state its events gave it. */
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.datasource.url=jdbc:h2:mem:snapshots;DB_CLOSE_DELAY=-1", "spring.main.web-application-type=none",
    "seamless.ippool.snapshot-threshold=5"})
@EmbeddedKafka(kraft = true, partitions = 1)
class IpPoolSnapshotTest {

    private static final AuditMetadata AUDIT = new AuditMetadata("test", null, null, "snapshots");

    @Autowired
    private CommandDispatcher dispatcher;
    @Autowired
    @Qualifier("ipPoolCache")
    private Cache cache;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void aPoolLoadedFromItsSnapshotContinuesWhereItsEventsLeftOff() {
        dispatcher.send(new CreateIpPool("snap-net", "10.88.0.0/24", "10.88.0.1", List.of("10.88.0.2"), null,
                "calico", "snap"), AUDIT);
        for (int i = 0; i < 12; i++) {
            dispatcher.send(new AllocateAddress("snap-net", "u-" + i), AUDIT);
        }
        dispatcher.send(new ReleaseAddress("snap-net", "u-4"), AUDIT);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = 'snap-net'")
                .query(Long.class).single() > 0);

        cache.removeAll();
        assertThat(allocate("u-0").address()).isEqualTo("10.88.0.3");
        cache.removeAll();
        AddressAssignment reused = allocate("new-unit");
        assertThat(reused.address()).isEqualTo("10.88.0.7");
        assertThat(reused.version()).isEqualTo(14);
        cache.removeAll();
        assertThat(allocate("another").address()).isEqualTo("10.88.0.15");
    }

    private AddressAssignment allocate(String unit) {
        return dispatcher.<AddressAssignment>send(new AllocateAddress("snap-net", unit), AUDIT).result();
    }
}
