package io.seamless.command.publication;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamless.domain.cluster.ClusterEvent;
import io.seamless.domain.ippool.IpPoolEvent;
import io.seamless.domain.servicegroup.ServiceGroupEvent;
import io.seamless.schemas.EventSchemas;
import io.seamless.schemas.EventUpcasters;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No domain event reaches Kafka without a public type, at its latest version, whose schema is published. */
class PublicEventCatalogTest {

    private static final EventSchemas SCHEMAS = EventSchemas.load();

    static Stream<Class<?>> domainEvents() {
        return Stream.of(IpPoolEvent.class, ClusterEvent.class, ServiceGroupEvent.class).flatMap(sealed -> Stream.of(sealed.getPermittedSubclasses()));
    }

    @ParameterizedTest
    @MethodSource("domainEvents")
    void everyDomainEventHasAPublicTypeWithAPublishedSchema(Class<?> event) {
        PublicEventCatalog.Entry entry = PublicEventCatalog.entryFor(event).orElseThrow();
        PublicEventType type = new CloudEventMapper(EventUpcasters.product()).latestType(entry);
        assertThat(type.name()).isEqualTo(event.getSimpleName());
        assertThat(PublicEventCatalog.entryForStoredType(event.getName())).contains(entry);
        assertThat(PublicEventCatalog.entryFor(type.aggregate(), type.name())).contains(entry);
        assertThat(SCHEMAS.dataschemaFor(type.ceType())).isEqualTo(type.dataschema());
        assertThat(type.topic()).isEqualTo(EventTopics.eventsTopic(type.aggregate()));
    }
}
