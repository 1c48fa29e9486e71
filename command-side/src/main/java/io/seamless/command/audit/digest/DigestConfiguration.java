package io.seamless.command.audit.digest;

import io.seamless.command.ConditionalOnCommandRole;
import io.seamless.command.dispatch.DispatchConfiguration;
import io.seamless.command.publication.CloudEventMapper;
import io.seamless.command.publication.KafkaClientSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Signed audit digests: the head tracker, the signing keys, the writer and its schedule (the API is {@link AuditController}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnCommandRole
public class DigestConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DigestConfiguration.class);

    @Bean
    SigningKeys auditSigningKeys(@Value("${seamless.data-dir:./data}") String dataDir,
            @Value("${seamless.audit.signing.private-key:}") String privateKey,
            @Value("${seamless.audit.signing.public-key:}") String publicKey) {
        Path dir = Path.of(dataDir, "audit");
        return SigningKeys.loadOrCreate(privateKey.isBlank() ? dir.resolve("digest-signing.key") : Path.of(privateKey),
                publicKey.isBlank() ? dir.resolve("digest-signing.pub") : Path.of(publicKey));
    }

    @Bean
    DigestStore digestStore(JdbcClient jdbc) {
        return new DigestStore(jdbc);
    }

    @Bean
    DigestHeadTracker digestHeadTracker(DigestStore store, CloudEventMapper mapper) {
        return new DigestHeadTracker(store, mapper);
    }

    @Bean
    ConfigurerModule digestHeadProcessor() {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessor(
                DigestHeadTracker.PROCESSING_GROUP, config -> config.eventStore(),
                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(200));
    }

    @Bean(destroyMethod = "close")
    Producer<String, String> digestProducer(Environment environment) {
        Map<String, Object> config = new HashMap<>(KafkaClientSettings.additional(environment, "producer"));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaClientSettings.bootstrapServers(environment));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "seamless-audit-digests");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    @Bean
    DigestWriter digestWriter(DigestStore store, SigningKeys keys, PlatformTransactionManager transactions,
                              Producer<String, String> digestProducer) {
        return new DigestWriter(store, keys, new TransactionTemplate(transactions), digestProducer, Clock.systemUTC());
    }

    @Bean
    ChainVerifier chainVerifier(EventStore eventStore, CloudEventMapper mapper, DigestStore store, SigningKeys keys) {
        return new ChainVerifier(eventStore, mapper, store, keys);
    }

    @Bean
    AuditExport auditExport(EventStore eventStore, CloudEventMapper mapper, DigestStore store) {
        return new AuditExport(eventStore, mapper, store);
    }

    /** Every {@code seamless.audit.digest-interval}: a digest of what moved, then any unpublished ones sent. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService digestSchedule(DigestWriter writer,
                                            @Value("${seamless.audit.digest-interval:5m}") Duration interval) {
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
                DispatchConfiguration.daemonThreads("seamless-audit-digests-"));
        schedule.scheduleWithFixedDelay(() -> {
            try {
                writer.writeDigest().ifPresent(digest -> log.info("Audit digest {} signed: {} chain heads",
                        digest.sequence(), digest.heads().size()));
                writer.publishPending();
            } catch (Exception e) {
                log.warn("Audit digest not written or published yet, will retry: {}", e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return schedule;
    }
}
