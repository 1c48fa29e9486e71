package io.seamless.projections.servicegroup;

import io.seamless.domain.engine.EngineCatalogue;
import io.seamless.domain.engine.EngineTemplate;
import io.seamless.projections.servicegroup.DesiredStateRenderer.Rendering;
import io.seamless.projections.servicegroup.DesiredStateRepository.StoredDocument;
import io.seamless.projections.servicegroup.ServiceGroupEvents.GroupEvent;
import io.seamless.projections.servicegroup.ServiceGroupEvents.ObservationRecorded;
import io.seamless.projections.servicegroup.ServiceGroupEvents.ServiceGroupCreated;
import io.seamless.projections.servicegroup.ServiceGroupEvents.ServiceGroupDeleted;
import io.seamless.projections.servicegroup.ServiceGroupRepository.StoredGroup;
import io.seamless.projections.support.ApplyOutcome;
import io.seamless.projections.support.EventEnvelope;
import io.seamless.projections.support.EventProjection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Folds the service group, IP pool and cluster topics (one consumer, one thread, so the three are seen in one
 * order) into the service group read model and one desired-state document per group. Group events are applied
 * once each: the group row keeps the sequence of the last one. Pools and clusters contribute facts that never
 * change after their first event; when one arrives after the groups that use it, those groups are rendered
 * again, so the documents end the same whatever the interleaving. A changed document is left for the
 * {@link DesiredStatePublisher}, woken once the batch's transaction has committed.
 */
public final class DesiredStateProjector implements EventProjection {

    private static final Logger log = LoggerFactory.getLogger(DesiredStateProjector.class);

    private final ServiceGroupRepository groups;
    private final DesiredStateRepository documents;
    private final EngineCatalogue catalogue;
    private final DesiredStateRenderer renderer;
    private final Runnable afterCommit;
    /** Whether this transaction already wakes the publisher; touched by the consumer thread only. */
    private boolean wakeRegistered;
    /** The time of the event being applied: a document it renders is the group's desired state from then on. */
    private Instant appliedAt = Instant.EPOCH;

    /** {@code afterCommit}: called once after each committed transaction that changed a document. */
    public DesiredStateProjector(ServiceGroupRepository groups, DesiredStateRepository documents,
                                 EngineCatalogue catalogue, Runnable afterCommit) {
        this.groups = groups;
        this.documents = documents;
        this.catalogue = catalogue;
        this.renderer = new DesiredStateRenderer(catalogue);
        this.afterCommit = afterCommit;
    }

    @Override
    public ApplyOutcome apply(EventEnvelope event) {
        appliedAt = event.time();
        String type = event.type();
        if (type.startsWith(ServiceGroupEvents.PREFIX)) {
            return ServiceGroupEvents.read(event).map(payload -> groupEvent(event, payload))
                    .orElse(ApplyOutcome.UNKNOWN_TYPE);
        }
        if (type.equals(PlacementEvents.POOL_CREATED)) {
            boolean known = documents.insertPool(PlacementEvents.poolCreated(event));
            return known ? renderAgain(DesiredStateRepository.POOL, event.subject()) : alreadyApplied(event);
        }
        if (type.equals(PlacementEvents.CLUSTER_REGISTERED)) {
            boolean known = documents.insertCluster(PlacementEvents.clusterRegistered(event));
            return known ? renderAgain(DesiredStateRepository.CLUSTER, event.subject()) : alreadyApplied(event);
        }
        if (type.startsWith(PlacementEvents.POOL_PREFIX) || type.startsWith(PlacementEvents.CLUSTER_PREFIX)) {
            return ApplyOutcome.IGNORED;
        }
        return ApplyOutcome.UNKNOWN_TYPE;
    }

    private ApplyOutcome groupEvent(EventEnvelope event, GroupEvent payload) {
        Optional<StoredGroup> stored = groups.find(event.subject());
        if (payload instanceof ServiceGroupCreated created) {
            return created(event, created, stored);
        }
        if (stored.isEmpty()) {
            log.warn("Service group {}: event {} ({}) at version {} skipped, the group was never created in the view",
                    event.subject(), event.id(), event.type(), event.sequence());
            return ApplyOutcome.REJECTED;
        }
        if (event.sequence() <= stored.get().lastSequence()) {
            return alreadyApplied(event);
        }
        if (stored.get().deleted()) {
            log.warn("Service group {}: event {} ({}) at version {} skipped, the group is deleted in the view",
                    event.subject(), event.id(), event.type(), event.sequence());
            return ApplyOutcome.REJECTED;
        }
        GroupState state = stored.get().state();
        state.apply(payload);
        if (payload instanceof ObservationRecorded) {
            // What a reactor saw: it shows in the view, and changes nothing the reactors are asked for.
            groups.update(state, event.sequence(), event.time(), false);
            return ApplyOutcome.APPLIED;
        }
        boolean deleted = payload instanceof ServiceGroupDeleted;
        groups.update(state, event.sequence(), event.time(), deleted);
        recordOperation(event, payload);
        if (deleted) {
            tombstone(state.name(), event.sequence());
            log.info("Service group {}: deleted at version {} (operation {})", state.name(), event.sequence(),
                    payload.operationId());
        } else {
            render(state, event.sequence());
            log.debug("Service group {}: {} applied at version {}, now {}", state.name(), event.type(),
                    event.sequence(), state.status());
        }
        return ApplyOutcome.APPLIED;
    }

    private ApplyOutcome created(EventEnvelope event, ServiceGroupCreated created, Optional<StoredGroup> stored) {
        if (stored.isPresent() && event.sequence() <= stored.get().lastSequence()) {
            return alreadyApplied(event);
        }
        if (stored.isPresent()) {
            log.warn("Service group {}: created again at version {} although the view holds it at version {}, skipped",
                    created.group(), event.sequence(), stored.get().lastSequence());
            return ApplyOutcome.REJECTED;
        }
        GroupState state = GroupState.created(created, primaryService(created));
        groups.insert(state, event.sequence(), event.time());
        recordOperation(event, created);
        render(state, event.sequence());
        log.info("Service group {}: created ({} {} {}, {} units) at version {} (operation {})", created.group(),
                created.engine(), created.topology(), created.version(), created.units().size(), event.sequence(),
                created.operationId());
        return ApplyOutcome.APPLIED;
    }

    /** The template's first function type when it has a single primary; null when none, or no template. */
    private String primaryService(ServiceGroupCreated created) {
        try {
            EngineTemplate template = catalogue.template(created.engine(), created.topology());
            return template.hasPrimary() ? template.functionTypes().get(0).name() : null;
        } catch (RuntimeException e) {
            return null; // the rendering reports the unknown template
        }
    }

    private void recordOperation(EventEnvelope event, GroupEvent payload) {
        OperationView current = groups.findOperation(payload.group(), payload.operationId()).orElse(null);
        groups.saveOperation(OperationView.next(current, payload, event.sequence(), event.time()));
    }

    private ApplyOutcome renderAgain(String kind, String name) {
        List<String> users = documents.groupsUsing(kind, name);
        for (String user : users) {
            groups.find(user).filter(group -> !group.deleted())
                    .ifPresent(group -> render(group.state(), group.lastSequence()));
        }
        log.info("Desired state: {} {} known, groups using it rendered again: {}", kind, name, users);
        return ApplyOutcome.APPLIED;
    }

    /**
     * Renders the group and keeps the document when it changed. When it cannot be rendered, the last document
     * stays (and stays published): withdrawing it would tell the reactors to tear the database down.
     */
    private void render(GroupState state, long version) {
        documents.replaceReferences(state.name(), state.pools(), state.clusters());
        Rendering rendering = renderer.render(state, version, documents.pools(state.pools()),
                documents.clusters(state.clusters()));
        Optional<StoredDocument> previous = documents.findDocument(state.name());
        if (rendering.error() != null) {
            log.error("Service group {}: desired state at version {} not rendered, the last one stays: {}",
                    state.name(), version, rendering.error());
            documents.saveDocument(previous
                    .map(last -> new StoredDocument(last.group(), last.version(), last.document(), last.hash(),
                            rendering.error()))
                    .orElse(new StoredDocument(state.name(), version, null, null, rendering.error())));
            return;
        }
        byte[] json = DesiredStateRenderer.toJson(rendering.document());
        String hash = DesiredStateRenderer.hash(json);
        if (previous.isPresent() && hash.equals(previous.get().hash()) && previous.get().renderError() == null) {
            return;
        }
        String document = new String(json, StandardCharsets.UTF_8);
        documents.saveDocument(new StoredDocument(state.name(), version, document, hash, null));
        documents.recordHistory(state.name(), version, appliedAt, document, hash);
        publishAfterCommit();
    }

    private void tombstone(String group, long version) {
        documents.replaceReferences(group, List.of(), List.of());
        documents.saveDocument(new StoredDocument(group, version, null, DesiredStateRepository.TOMBSTONE, null));
        documents.recordHistory(group, version, appliedAt, null, DesiredStateRepository.TOMBSTONE);
        publishAfterCommit();
    }

    /** Wakes the publisher once the transaction has committed: a document must never be seen before its state. */
    private void publishAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            afterCommit.run();
            return;
        }
        if (wakeRegistered) {
            return;
        }
        wakeRegistered = true;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                wakeRegistered = false;
                if (status == STATUS_COMMITTED) {
                    afterCommit.run();
                }
            }
        });
    }

    private static ApplyOutcome alreadyApplied(EventEnvelope event) {
        log.debug("Desired state: event {} ({}) of {} at version {} already applied, ignored", event.id(),
                event.type(), event.subject(), event.sequence());
        return ApplyOutcome.ALREADY_APPLIED;
    }
}
