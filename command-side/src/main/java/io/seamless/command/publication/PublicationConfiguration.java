package io.seamless.command.publication;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.seamless.command.ConditionalOnCommandRole;
import io.seamless.schemas.EventUpcasters;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Publication of every stored event to Kafka: an idempotent producer (acks=all), one tracking
 * processor reading the store from its first event, and the topics created at start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnCommandRole
public class PublicationConfiguration {

    @Bean(destroyMethod = "close")
    Producer<String, CloudEvent> cloudEventProducer(Environment environment,
                                                    @Value("${seamless.kafka.producer.timeout:30s}") Duration timeout) {
        Map<String, Object> config = new HashMap<>(KafkaClientSettings.additional(environment, "producer"));
        // Delivery guarantees are not negotiable: these win over any property.
        config.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaClientSettings.bootstrapServers(environment),
                ProducerConfig.CLIENT_ID_CONFIG, "seamless-event-publisher",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis() / 2, 10_000),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis()));
        return new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer());
    }

    /** Types carry the latest version of the registry of the product, or of an {@link EventUpcasters} bean if any. */
    @Bean
    CloudEventMapper cloudEventMapper(ObjectProvider<EventUpcasters> upcasters) {
        return new CloudEventMapper(upcasters.getIfAvailable(EventUpcasters::product));
    }

    @Bean
    KafkaEventPublisher kafkaEventPublisher(Producer<String, CloudEvent> cloudEventProducer, CloudEventMapper mapper,
                                            @Value("${seamless.kafka.producer.timeout:30s}") Duration timeout,
                                            ObjectProvider<MeterRegistry> meters) {
        return new KafkaEventPublisher(cloudEventProducer, mapper, timeout.plusSeconds(5),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    PublisherLag publisherLag(JdbcClient jdbc, EventProcessingConfiguration processing) {
        return new PublisherLag(jdbc, processing);
    }

    @Bean
    ConfigurerModule kafkaPublisherProcessor(@Value("${seamless.kafka.publisher.batch-size:200}") int batchSize) {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(KafkaEventPublisher.PROCESSING_GROUP,
                        config -> config.eventStore(),
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(batchSize)
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                // The default handler logs and skips: an event Kafka refused would be lost.
                .registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance());
    }

    @Bean(destroyMethod = "close")
    Admin kafkaAdmin(Environment environment) {
        Map<String, Object> config = new HashMap<>(KafkaClientSettings.additional(environment, "admin"));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaClientSettings.bootstrapServers(environment));
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "seamless-topic-provisioner");
        return Admin.create(config);
    }

    @Bean
    TopicProvisioning topicProvisioning(Admin kafkaAdmin,
                                        @Value("${seamless.kafka.topics.partitions:3}") int partitions,
                                        @Value("${seamless.kafka.topics.replication-factor:1}") short replicationFactor) {
        return new TopicProvisioning(new TopicProvisioner(kafkaAdmin, partitions, replicationFactor));
    }
}
