package io.seamless.projections;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the projection consumers ({@code seamless.projections.*}).
 *
 * @param groupId             Kafka consumer group of all projections; a new group id rebuilds every read model
 *                            from offset 0 (together with an empty database)
 * @param pollTimeout         longest wait of one poll; it bounds how long {@code stop()} takes
 * @param retryBackoff        first pause after a failure (broker, database); doubled on each further failure
 * @param retryBackoffMax     longest pause between two retries
 */
@ConfigurationProperties("seamless.projections")
public record ProjectionsProperties(
        @DefaultValue("seamless-projections") String groupId,
        @DefaultValue("200ms") Duration pollTimeout,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("30s") Duration retryBackoffMax) {
}
