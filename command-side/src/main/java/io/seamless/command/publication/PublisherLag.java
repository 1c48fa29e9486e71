package io.seamless.command.publication;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code seamless.publisher.lag}: events in the store that Kafka has not acknowledged yet (the newest global index
 * minus the publisher's position). Grows while Kafka is unreachable and shrinks to 0 once it is back; read when
 * scraped.
 */
public class PublisherLag implements MeterBinder {

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;

    public PublisherLag(JdbcClient jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("seamless.publisher.lag", this, PublisherLag::lag)
                .description("events stored but not yet acknowledged by Kafka").register(registry);
    }

    /** NaN while the publisher has no position yet (starting, or not running in this process). */
    double lag() {
        Long head = jdbc.sql("SELECT MAX(global_index) FROM domain_event_entry").query(Long.class).optional()
                .orElse(null);
        OptionalLong position = processing.eventProcessor(KafkaEventPublisher.PROCESSING_GROUP,
                        TrackingEventProcessor.class)
                .flatMap(processor -> processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition).filter(OptionalLong::isPresent)
                        .map(OptionalLong::getAsLong).min(Long::compare))
                .map(OptionalLong::of).orElse(OptionalLong.empty());
        if (head == null) {
            return 0;
        }
        return position.isPresent() ? Math.max(0, head - position.getAsLong()) : Double.NaN;
    }
}
