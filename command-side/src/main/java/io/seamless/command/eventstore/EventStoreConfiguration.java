package io.seamless.command.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.seamless.schemas.EventUpcasters;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.updates.configuration.UsagePropertyProvider;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The relational event store: its schema (Flyway, own history table) and the JSON form of
 * stored events and snapshots.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /** Migrates at bean creation, before Axon's processors start (they start with the context's lifecycle). */
    @Bean(initMethod = "migrate")
    Flyway commandSideFlyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .table("flyway_command_history")
                .locations("classpath:db/command/" + vendor(dataSource))
                // Other modules share the schema: a non-empty schema is normal, and a baseline at 0
                // (not Flyway's default 1) still applies our V1.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    /**
     * Axon's update checker calls an outside host at start. A control plane in a bank's network
     * must not phone home, so it is off, whatever the environment says.
     */
    @Bean
    UsagePropertyProvider usagePropertyProvider() {
        return new UsagePropertyProvider() {
            @Override
            public Boolean getDisabled() {
                return true;
            }

            @Override
            public String getUrl() {
                return null;
            }

            @Override
            public int priority() {
                return Integer.MAX_VALUE;
            }
        };
    }

    /** Axon's JDBC engine as its auto-configuration builds it, with a gap query that keeps to the index. */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .readEventDataWithGaps(new GapAwareUnionQuery())
                .build();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }

    /** Axon's defaults are CamelCase table names; the migrations use snake_case, as PostgreSQL users expect. */
    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setTokenTypeColumn("token_type")
                .build();
    }

    /**
     * One JSON form for everything Axon stores. Fields, not getters, so that an aggregate
     * snapshot is its exact state; unknown properties are tolerated so that an event written by
     * a newer node can still be read by an older one. The mapper is private to Axon: the REST
     * API keeps Spring Boot's own.
     */
    @Bean
    @Primary
    Serializer serializer() {
        return jsonSerializer(new AnnotationRevisionResolver());
    }

    /**
     * Events are stored at the latest version of their public type in the registry of version steps
     * ({@link StoredEventRevisions}): the registry of the product, or an {@link EventUpcasters} bean
     * when the context declares one (tests do, to add steps).
     */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectProvider<EventUpcasters> upcasters) {
        return jsonSerializer(new StoredEventRevisions(upcasters.getIfAvailable(EventUpcasters::product)));
    }

    /**
     * Events recorded at an older version are brought to the latest as they are read, for aggregates
     * and tracking processors alike; Axon puts every {@code EventUpcaster} bean into
     * {@code configuration.upcasterChain()}, which {@link #eventStorageEngine} reads with.
     */
    @Bean
    StoredEventUpcaster storedEventUpcaster(ObjectProvider<EventUpcasters> upcasters) {
        return new StoredEventUpcaster(upcasters.getIfAvailable(EventUpcasters::product));
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jsonSerializer(new AnnotationRevisionResolver());
    }

    /** Spring Boot's {vendor} placeholder is not plain Flyway's: resolve it from the database itself. */
    static String vendor(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return DatabaseDriver.fromProductName(product).getId();
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database the event store is on", e);
        }
    }

    private static Serializer jsonSerializer(RevisionResolver revisions) {
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        return JacksonSerializer.builder().objectMapper(mapper).revisionResolver(revisions).lenientDeserialization()
                .build();
    }
}
