package io.seamless.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.seamless.command.publication.CloudEventMapper;
import io.seamless.command.publication.PublicEventCatalog;
import io.seamless.domain.cluster.ClusterEvent;
import io.seamless.domain.ippool.IpPoolEvent;
import io.seamless.domain.servicegroup.ServiceGroupEvent;
import io.seamless.schemas.EventUpcasters;
import io.seamless.schemas.UpcastStep;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What lets one declaration of a version step serve the store too: the events that may have steps are stored with
 * exactly their public data, and a step the store could not apply is refused when the upcaster is built.
 */
class StoredEventUpcasterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Serializer STORE = new EventStoreConfiguration().serializer();
    private static final CloudEventMapper MAPPER = new CloudEventMapper(EventUpcasters.product());

    static Stream<Class<?>> eventsStoredAsPublished() {
        return Stream.of(IpPoolEvent.class, ClusterEvent.class, ServiceGroupEvent.class)
                .flatMap(sealed -> Stream.of(sealed.getPermittedSubclasses()))
                .filter(event -> PublicEventCatalog.entryFor(event).orElseThrow().storedAsPublished());
    }

    /** Else a step written for the public data would misread the stored event, and the recorded hash would not verify. */
    @ParameterizedTest
    @MethodSource("eventsStoredAsPublished")
    void anEventStoredAsPublishedIsStoredAsExactlyItsPublicData(Class<?> type) throws Exception {
        Object event = sample(type);
        byte[] stored = STORE.serialize(event, byte[].class).getData();
        CloudEvent published = MAPPER.toCloudEvent(new GenericDomainEventMessage<>("Test", "a", 0, event))
                .orElseThrow();

        assertThat(JSON.readTree(stored)).isEqualTo(JSON.readTree(published.getData().toBytes()));
    }

    @Test
    void aStepForAnEventStoredInAnotherShapeThanItsPublicDataIsRefusedAtStartUp() {
        UpcastStep observation = new UpcastStep("servicegroup", "ObservationRecorded", 1, data -> data);
        assertThatThrownBy(() -> new StoredEventUpcaster(EventUpcasters.of(observation)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("version step io.seamless.servicegroup.ObservationRecorded.v1 -> v2:"
                        + " servicegroup.ObservationRecorded is stored in another shape than its public data");
    }

    @Test
    void aStepForAnEventNoDomainEventIsPublishedAsIsRefusedAtStartUp() {
        UpcastStep unknown = new UpcastStep("ippool", "AddressLeased", 1, data -> data);
        assertThatThrownBy(() -> new StoredEventUpcaster(EventUpcasters.of(unknown)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("version step io.seamless.ippool.AddressLeased.v1 -> v2: no domain event is published as"
                        + " ippool.AddressLeased");
    }

    @Test
    void noRevisionIsV1AndARevisionThatIsNoVersionIsRefused() {
        assertThat(StoredEventRevisions.version(null)).isEqualTo(1);
        assertThat(StoredEventRevisions.version("1")).isEqualTo(1);
        assertThat(StoredEventRevisions.version("3")).isEqualTo(3);
        assertThat(StoredEventRevisions.revision(1)).isNull();
        assertThatThrownBy(() -> StoredEventRevisions.version("1.0")).hasMessageContaining("'1.0'");
    }

    /** An instance of a record with a value in every component, nested records and collections included. */
    private static Object sample(Type type) throws Exception {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
        if (raw == String.class) {
            return "s-1";
        } else if (raw == int.class || raw == Integer.class) {
            return 2;
        } else if (raw == long.class || raw == Long.class) {
            return 3L;
        } else if (raw == boolean.class || raw == Boolean.class) {
            return true;
        } else if (raw == Instant.class) {
            return Instant.parse("2026-11-25T10:15:30.120Z");
        } else if (raw == List.class) {
            return List.of(sample(argument(type, 0)));
        } else if (raw == Map.class) {
            return Map.of("k-1", sample(argument(type, 1)));
        } else if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        } else if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = sample(components[i].getGenericType());
            }
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return raw.getDeclaredConstructor(types).newInstance(values);
        }
        throw new IllegalArgumentException("no sample of " + type);
    }

    private static Type argument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }
}
