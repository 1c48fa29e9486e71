package io.seamless.command.observation;

import io.seamless.command.ConditionalOnCommandRole;
import io.seamless.command.dispatch.CommandDispatcher;
import io.seamless.command.publication.KafkaClientSettings;
import io.seamless.command.servicegroup.UnitReleases;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The observation ingester of the command role: one consumer group for every command node. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnCommandRole
public class ObservationConfiguration {

    @Bean
    ObservationIngester observationIngester(Environment environment, CommandDispatcher dispatcher,
            UnitReleases unitReleases,
            @Value("${seamless.observations.group-id:seamless-observation-ingester}") String groupId,
            @Value("${seamless.observations.retry-backoff:1s}") Duration retryBackoff) {
        Map<String, Object> config = new HashMap<>(KafkaClientSettings.additional(environment, "consumer"));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaClientSettings.bootstrapServers(environment));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new ObservationIngester(new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer()), dispatcher, unitReleases, retryBackoff);
    }
}
