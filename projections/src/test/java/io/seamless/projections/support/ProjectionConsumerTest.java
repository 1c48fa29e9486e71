package io.seamless.projections.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seamless.projections.CloudEventRecords;
import io.seamless.projections.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The generic loop, with a projection that only records what it is given. */
class ProjectionConsumerTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();

    @Test
    void eachEventIsAppliedInOrderWithItsCorrelationIdInTheLogContext() {
        String topic = TestKafka.newTopic("generic", 1);
        ProjectionConsumer consumer = start(topic, event -> {
            seen.add(event.sequence() + ":" + MDC.get(ProjectionConsumer.CORRELATION_ID_MDC_KEY));
            return ApplyOutcome.APPLIED;
        });
        try {
            var first = CloudEventRecords.event(topic, "io.seamless.test.Happened.v1", "a", 0, "{}");
            var second = CloudEventRecords.event(topic, "io.seamless.test.Happened.v1", "a", 1, "{}");
            TestKafka.send(List.of(first, CloudEventRecords.withValue(first, "{".getBytes(StandardCharsets.UTF_8)),
                    CloudEventRecords.without(second, "ce_correlationid")));

            await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() == 2);
            String correlationId = new String(first.headers().lastHeader("ce_correlationid").value(),
                    StandardCharsets.UTF_8);
            assertThat(seen).containsExactly("0:" + correlationId, "1:null");
        } finally {
            consumer.stop();
        }
        assertThat(consumer.isRunning()).isFalse();
    }

    private static ProjectionConsumer start(String topic, EventProjection projection) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:generic-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        String group = "generic-" + UUID.randomUUID();
        ProjectionConsumer consumer = new ProjectionConsumer(
                new ConsumerSettings("generic", topic,
                        ConsumerSettings.kafkaConfig(TestKafka.bootstrapServers(), group, group, Map.of()),
                        Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(1)),
                projection, new DataSourceTransactionManager(dataSource));
        consumer.start();
        return consumer;
    }
}
