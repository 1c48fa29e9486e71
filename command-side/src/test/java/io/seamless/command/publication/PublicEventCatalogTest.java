package io.seamless.command.publication;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamless.domain.cluster.ClusterEvent;
import io.seamless.domain.ippool.IpPoolEvent;
import io.seamless.domain.servicegroup.ServiceGroupEvent;
import io.seamless.schemas.EventSchemas;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No domain event reaches Kafka without a public type whose schema is published. */
class PublicEventCatalogTest {

    private static final EventSchemas SCHEMAS = EventSchemas.load();

    static Stream<Class<?>> domainEvents() {
        return Stream.of(IpPoolEvent.class, ClusterEvent.class, ServiceGroupEvent.class).flatMap(sealed -> Stream.of(sealed.getPermittedSubclasses()));
    }

    @ParameterizedTest
    @MethodSource("domainEvents")
    void everyDomainEventHasAPublicTypeWithAPublishedSchema(Class<?> event) {
        PublicEventType type = PublicEventCatalog.entryFor(event).orElseThrow().type();
        assertThat(type.name()).isEqualTo(event.getSimpleName());
        assertThat(SCHEMAS.dataschemaFor(type.ceType())).isEqualTo(type.dataschema());
        assertThat(type.topic()).isEqualTo(EventTopics.eventsTopic(type.aggregate()));
    }
}
