package io.seamless.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.seamless.command.publication.CloudEventMapper;
import io.seamless.schemas.EventHashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REMEMBERED_HEADS = 10_000;

    private final JdbcClient jdbc;
    private final CloudEventMapper mapper;
    /**
     * The last committed head of recently written aggregates, to spare a read per command. Used
     * only when it is exactly sequence n-1: the event store's unique key makes that the one event
     * any node could have stored there, so an entry is never wrong, at worst not used.
     */
    private final Map<String, Head> committedHeads = Collections.synchronizedMap(
            new LinkedHashMap<>(1_024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
                    return size() > REMEMBERED_HEADS;
                }
            });

    private record Head(long sequence, String hash) {
    }

    public HashChain(JdbcClient jdbc, CloudEventMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> event instanceof DomainEventMessage<?> domainEvent ? chained(domainEvent) : event;
    }

    private EventMessage<?> chained(DomainEventMessage<?> event) {
        Map<String, String> heads = headsOfThisUnitOfWork();
        String aggregate = event.getAggregateIdentifier();
        String previous = heads.containsKey(aggregate) ? heads.get(aggregate) : committedHead(event);
        DomainEventMessage<?> linked = event.andMetaData(Map.of(PREVHASH, previous));
        Optional<CloudEvent> publicForm = mapper.toCloudEvent(linked);
        if (publicForm.isEmpty()) {
            return event;
        }
        String hash = hashOf(publicForm.get());
        heads.put(aggregate, hash);
        rememberAfterCommit(aggregate, new Head(event.getSequenceNumber(), hash));
        return linked.andMetaData(Map.of(HASH, hash));
    }

    private static Map<String, String> headsOfThisUnitOfWork() {
        return CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(HEADS, key -> new HashMap<>())
                : new HashMap<>();
    }

    private void rememberAfterCommit(String aggregate, Head head) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> committedHeads.merge(aggregate, head,
                    (known, offered) -> offered.sequence() > known.sequence() ? offered : known));
        }
    }

    private String committedHead(DomainEventMessage<?> event) {
        Head known = committedHeads.get(event.getAggregateIdentifier());
        if (known != null && known.sequence() == event.getSequenceNumber() - 1) {
            return known.hash();
        }
        return storedHead(event);
    }

    /** Recomputes the hash of a public event, as any subscriber can (it ignores a {@code hash} extension). */
    public static String hashOf(CloudEvent event) {
        return EventHashes.hash(attributes(event), data(event));
    }

    /** Every attribute of a public event as text, as its Kafka headers carry them (without {@code ce_}). */
    public static Map<String, String> attributes(CloudEvent event) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("id", event.getId());
        attributes.put("source", event.getSource().toString());
        attributes.put("type", event.getType());
        attributes.put("subject", event.getSubject());
        attributes.put("time", Objects.requireNonNull(event.getTime()).toInstant().toString());
        event.getExtensionNames().forEach(name -> attributes.put(name, String.valueOf(event.getExtension(name))));
        return attributes;
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
            return JSON.readTree(metaData).path(HASH).asText(EventHashes.GENESIS);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable metadata of the previous event of " + event.getAggregateIdentifier(), e);
        }
    }

    private static JsonNode data(CloudEvent event) {
        try {
            return JSON.readTree(Objects.requireNonNull(event.getData()).toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("event " + event.getId() + " has no JSON data", e);
        }
    }
}
