package io.seamless.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.seamless.command.dispatch.AuditMetadata;
import io.seamless.command.dispatch.CommandDispatcher;
import io.seamless.command.publication.PublisherLag;
import io.seamless.domain.common.DomainException;
import io.seamless.domain.ippool.AllocateAddress;
import io.seamless.domain.ippool.CreateIpPool;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** What the command role counts: commands by type and outcome, events Kafka acknowledged, the publisher's lag. */
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.datasource.url=jdbc:h2:mem:command-metrics;DB_CLOSE_DELAY=-1"})
@EmbeddedKafka(kraft = true, partitions = 1)
class CommandMetricsTest {

    private static final AuditMetadata AUDIT = new AuditMetadata("metrics-test", null, null, "metrics");

    @Autowired
    private CommandDispatcher dispatcher;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private PublisherLag publisherLag;

    @TestConfiguration(proxyBeanMethods = false)
    static class Meters {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Test
    void commandsAreTimedByTypeAndOutcomeAndPublishedEventsCounted() {
        publisherLag.bindTo(meters); // Actuator binds every MeterBinder in the server; this module has no Actuator
        dispatcher.send(new CreateIpPool("metrics-net", "10.93.0.0/30", "10.93.0.1", List.of(), null, "calico",
                "calico-metrics"), AUDIT);
        dispatcher.send(new AllocateAddress("metrics-net", "unit-a"), AUDIT);
        assertThatThrownBy(() -> dispatcher.send(new AllocateAddress("metrics-net", "unit-b"), AUDIT))
                .as("a /30 has one address besides its gateway").isInstanceOf(DomainException.class);

        assertThat(timer("CreateIpPool", "accepted")).isEqualTo(1);
        assertThat(timer("AllocateAddress", "accepted")).isEqualTo(1);
        assertThat(timer("AllocateAddress", "refused")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
            assertThat(meters.get("seamless.events.published").tag("topic", "seamless.events.ippool").counter()
                    .count()).isGreaterThanOrEqualTo(2);
            assertThat(meters.get("seamless.publisher.lag").gauge().value()).isZero();
        });
    }

    private long timer(String command, String outcome) {
        return Search.in(meters).name("seamless.commands").tag("command", command).tag("outcome", outcome).timers()
                .stream().mapToLong(timer -> timer.count()).sum();
    }
}
