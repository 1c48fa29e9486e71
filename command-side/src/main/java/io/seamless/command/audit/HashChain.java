package io.seamless.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.seamless.command.publication.CloudEventMapper;
import io.seamless.schemas.EventHashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Links every event to its aggregate's previous one when it is created: {@code prevhash} and
 * {@code hash} (over the event's public form, see {@link EventHashes}) go into its metadata, are
 * stored with it, and travel on Kafka as CloudEvents extensions. Runs as the events are prepared
 * for storage, inside the command's transaction: the previous head is the stored event at
 * sequence n-1 (the event store's unique key makes it the only one), or an earlier event of the
 * same unit of work.
 */
public class HashChain implements MessageDispatchInterceptor<EventMessage<?>> {

    public static final String PREVHASH = "prevhash";
    public static final String HASH = "hash";
    private static final String HEADS = HashChain.class.getName() + ".heads";

    private final JdbcClient jdbc;
    private final CloudEventMapper mapper;
    private final ObjectMapper json = new ObjectMapper();

    public HashChain(JdbcClient jdbc, CloudEventMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> event instanceof DomainEventMessage<?> domainEvent ? chained(domainEvent) : event;
    }

    private EventMessage<?> chained(DomainEventMessage<?> event) {
        Map<String, String> heads = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(HEADS, key -> new HashMap<>())
                : new HashMap<>();
        String aggregate = event.getAggregateIdentifier();
        String previous = heads.containsKey(aggregate) ? heads.get(aggregate) : storedHead(event);
        DomainEventMessage<?> linked = event.andMetaData(Map.of(PREVHASH, previous));
        Optional<CloudEvent> publicForm = mapper.toCloudEvent(linked);
        if (publicForm.isEmpty()) {
            return event;
        }
        String hash = hashOf(publicForm.get());
        heads.put(aggregate, hash);
        return linked.andMetaData(Map.of(HASH, hash));
    }

    /** Recomputes the hash of a public event, as any subscriber can (it ignores a {@code hash} extension). */
    public static String hashOf(CloudEvent event) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("id", event.getId());
        attributes.put("source", event.getSource().toString());
        attributes.put("type", event.getType());
        attributes.put("subject", event.getSubject());
        attributes.put("time", Objects.requireNonNull(event.getTime()).toInstant().toString());
        event.getExtensionNames().forEach(name -> attributes.put(name, String.valueOf(event.getExtension(name))));
        return EventHashes.hash(attributes, data(event));
    }

    private String storedHead(DomainEventMessage<?> event) {
        if (event.getSequenceNumber() == 0) {
            return EventHashes.GENESIS;
        }
        byte[] metaData = jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND sequence_number = ?")
                .params(event.getAggregateIdentifier(), event.getSequenceNumber() - 1)
                .query((rows, row) -> rows.getBytes(1)).single();
        try {
            return json.readTree(metaData).path(HASH).asText(EventHashes.GENESIS);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable metadata of the previous event of " + event.getAggregateIdentifier(), e);
        }
    }

    private static JsonNode data(CloudEvent event) {
        try {
            return new ObjectMapper().readTree(Objects.requireNonNull(event.getData()).toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("event " + event.getId() + " has no JSON data", e);
        }
    }
}
