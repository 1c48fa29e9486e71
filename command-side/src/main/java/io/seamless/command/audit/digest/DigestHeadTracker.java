package io.seamless.command.audit.digest;

import io.seamless.command.audit.HashChain;
import io.seamless.command.audit.digest.AuditDigest.Head;
import io.seamless.command.publication.CloudEventMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

/**
 * Follows the event store in order (a tracking processor of its own) and keeps the newest head of every
 * chain that moved since the last digest. Its table changes in the same transaction as its token, so
 * no head is lost or counted twice across a crash.
 */
@ProcessingGroup(DigestHeadTracker.PROCESSING_GROUP)
class DigestHeadTracker {

    static final String PROCESSING_GROUP = "seamless-audit-digest";

    private final DigestStore store;
    private final CloudEventMapper mapper;

    DigestHeadTracker(DigestStore store, CloudEventMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> domainEvent)) {
            return;
        }
        Object hash = event.getMetaData().get(HashChain.HASH);
        mapper.toRecord(event).filter(record -> hash != null).ifPresent(record -> store.moveHead(
                new Head(record.topic(), record.key(), domainEvent.getSequenceNumber(), hash.toString())));
    }
}
