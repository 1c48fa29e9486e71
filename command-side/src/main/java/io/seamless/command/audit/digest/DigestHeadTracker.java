package io.seamless.command.audit.digest;

import io.seamless.command.audit.HashChain;
import io.seamless.command.audit.digest.AuditDigest.Head;
import io.seamless.command.publication.CloudEventMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Follows the event store in order (a tracking processor of its own) and keeps the newest head of every
 * chain that moved since the last digest. Its table changes in the same transaction as its token, so
 * no head is lost or counted twice across a crash. A batch of events writes each moved chain once, its
 * newest head, not once per event: a busy pool's hundred allocations are one row update.
 */
@ProcessingGroup(DigestHeadTracker.PROCESSING_GROUP)
class DigestHeadTracker {

    static final String PROCESSING_GROUP = "seamless-audit-digest";
    private static final String HEADS = DigestHeadTracker.class.getName() + ".heads";

    private final DigestStore store;
    private final CloudEventMapper mapper;

    DigestHeadTracker(DigestStore store, CloudEventMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, UnitOfWork<?> unitOfWork) {
        if (!(event instanceof DomainEventMessage<?> domainEvent)) {
            return;
        }
        Object hash = event.getMetaData().get(HashChain.HASH);
        mapper.toRecord(event).filter(record -> hash != null).ifPresent(record -> heads(unitOfWork).merge(
                record.topic() + "/" + record.key(),
                new Head(record.topic(), record.key(), domainEvent.getSequenceNumber(), hash.toString()),
                (known, newer) -> newer.sequence() > known.sequence() ? newer : known));
    }

    /** The heads of this batch, written once before it commits (with the processor's token). */
    private Map<String, Head> heads(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> batch = unitOfWork.root();
        return batch.getOrComputeResource(HEADS, key -> {
            Map<String, Head> heads = new LinkedHashMap<>();
            batch.onPrepareCommit(done -> heads.values().forEach(store::moveHead));
            return heads;
        });
    }
}
