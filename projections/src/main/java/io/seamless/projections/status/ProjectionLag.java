package io.seamless.projections.status;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.seamless.projections.rebuild.ProjectionRebuilds;
import io.seamless.projections.support.ProjectionConsumer;
import io.seamless.projections.support.TopicOffsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each projection is behind its topics: records on a topic that its live consumer has not applied and
 * committed yet. Measured at most once per {@code refresh} per projection (it asks the broker), for the
 * {@code seamless.projection.lag} gauges and the health of the projections.
 */
public final class ProjectionLag implements MeterBinder {

    /** One projection's lag per topic, and whether its consumer runs. */
    public record Status(boolean running, Map<String, Long> lagByTopic) {

        public long total() {
            return lagByTopic.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private record Measured(Status status, Instant at) {
    }

    private final ProjectionRebuilds projections;
    private final Duration refresh;
    private final Clock clock;
    private final Map<String, Measured> cache = new ConcurrentHashMap<>();

    public ProjectionLag(ProjectionRebuilds projections, Duration refresh, Clock clock) {
        this.projections = projections;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** Every projection of this process by name. */
    public Map<String, Status> all() {
        Map<String, Status> all = new TreeMap<>();
        projections.liveConsumers().keySet().forEach(name -> all.put(name, of(name)));
        return all;
    }

    public Status of(String projection) {
        Measured measured = cache.get(projection);
        if (measured == null || measured.at().plus(refresh).isBefore(clock.instant())) {
            measured = new Measured(measure(projections.liveConsumers().get(projection)), clock.instant());
            cache.put(projection, measured);
        }
        return measured.status();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        projections.liveConsumers().forEach((name, consumer) -> consumer.settings().topics().forEach(topic ->
                Gauge.builder("seamless.projection.lag", this, lag -> lag.of(name).lagByTopic().getOrDefault(topic, 0L))
                        .description("records of the topic the projection has not applied yet")
                        .tag("projection", name).tag("topic", topic).register(registry)));
    }

    private static Status measure(ProjectionConsumer consumer) {
        TopicOffsets offsets = new TopicOffsets(consumer.settings().kafka(), consumer.settings().topics());
        TopicOffsets.Span span = offsets.span();
        Map<TopicPartition, Long> applied = new ConcurrentHashMap<>(offsets.committed(consumer.settings().groupId()));
        applied.putAll(consumer.committedOffsets()); // newer than what the broker answered, when it has them
        Map<String, Long> lag = new TreeMap<>();
        consumer.settings().topics().forEach(topic -> lag.put(topic, 0L));
        span.end().forEach((partition, end) -> lag.merge(partition.topic(),
                Math.max(0, end - span.position(applied, partition)), Long::sum));
        return new Status(consumer.isRunning(), lag);
    }
}
