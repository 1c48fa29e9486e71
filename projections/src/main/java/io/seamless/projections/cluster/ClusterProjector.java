package io.seamless.projections.cluster;

import io.seamless.projections.cluster.ClusterEvents.ClusterCapacityUpdated;
import io.seamless.projections.cluster.ClusterEvents.ClusterIpPoolsUpdated;
import io.seamless.projections.cluster.ClusterEvents.ClusterNamed;
import io.seamless.projections.cluster.ClusterEvents.ClusterRegistered;
import io.seamless.projections.support.ApplyOutcome;
import io.seamless.projections.support.EventEnvelope;
import io.seamless.projections.support.EventProjection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds {@code seamless.events.cluster} into the cluster read model. Each event is applied once: the cluster
 * row keeps the sequence of the last event applied, and an event at or below it is a redelivery. Every handler
 * reads the event's data before it writes, so a malformed event leaves the transaction untouched.
 */
public final class ClusterProjector implements EventProjection {

    private static final Logger log = LoggerFactory.getLogger(ClusterProjector.class);

    private final ClusterRepository clusters;
    private final Map<String, Function<EventEnvelope, ApplyOutcome>> handlers;

    public ClusterProjector(ClusterRepository clusters) {
        this.clusters = clusters;
        this.handlers = Map.of(
                ClusterEvents.REGISTERED, this::registered,
                ClusterEvents.CAPACITY_UPDATED, event -> change(event, ClusterCapacityUpdated.class, updated ->
                        clusters.updateCapacity(updated.cluster(), updated.capacity(), event.sequence(), event.time())),
                ClusterEvents.IP_POOLS_UPDATED, event -> change(event, ClusterIpPoolsUpdated.class, updated ->
                        clusters.updateIpPools(updated.cluster(), updated.ipPools(), event.sequence(), event.time())),
                ClusterEvents.CORDONED, event -> change(event, ClusterNamed.class, named ->
                        clusters.setCordoned(named.cluster(), true, event.sequence(), event.time())),
                ClusterEvents.UNCORDONED, event -> change(event, ClusterNamed.class, named ->
                        clusters.setCordoned(named.cluster(), false, event.sequence(), event.time())),
                ClusterEvents.REMOVED, event -> change(event, ClusterNamed.class, named ->
                        clusters.markRemoved(named.cluster(), event.sequence(), event.time())));
    }

    @Override
    public ApplyOutcome apply(EventEnvelope event) {
        Function<EventEnvelope, ApplyOutcome> handler = handlers.get(event.type());
        return handler == null ? ApplyOutcome.UNKNOWN_TYPE : handler.apply(event);
    }

    private ApplyOutcome registered(EventEnvelope event) {
        ClusterRegistered registered = ClusterEvents.read(event, ClusterRegistered.class);
        OptionalLong last = clusters.lastSequence(registered.cluster());
        if (last.isPresent() && event.sequence() <= last.getAsLong()) {
            return alreadyApplied(event, last.getAsLong());
        }
        if (last.isPresent()) {
            log.warn("Cluster {}: registered again at version {} although the view holds it at version {}, skipped",
                    registered.cluster(), event.sequence(), last.getAsLong());
            return ApplyOutcome.REJECTED;
        }
        clusters.insert(registered, event.sequence(), event.time());
        log.info("Cluster {}: registered (site {}, zone {}, capacity {}) at version {}", registered.cluster(),
                registered.site(), registered.zone(), registered.capacity(), event.sequence());
        return ApplyOutcome.APPLIED;
    }

    /** Reads the event, then applies {@code write} unless the cluster is unknown or the event was applied. */
    private <T extends ClusterEvents.ClusterEvent> ApplyOutcome change(EventEnvelope event, Class<T> type,
                                                                       Consumer<T> write) {
        T payload = ClusterEvents.read(event, type);
        OptionalLong last = clusters.lastSequence(event.subject());
        if (last.isEmpty()) {
            log.warn("Cluster {}: event {} ({}) at version {} skipped, the cluster was never registered in the view",
                    event.subject(), event.id(), event.type(), event.sequence());
            return ApplyOutcome.REJECTED;
        }
        if (event.sequence() <= last.getAsLong()) {
            return alreadyApplied(event, last.getAsLong());
        }
        write.accept(payload);
        log.info("Cluster {}: {} at version {}", event.subject(), event.type(), event.sequence());
        return ApplyOutcome.APPLIED;
    }

    private static ApplyOutcome alreadyApplied(EventEnvelope event, long version) {
        log.debug("Cluster {}: event {} ({}) at version {} already applied (view at version {}), ignored",
                event.subject(), event.id(), event.type(), event.sequence(), version);
        return ApplyOutcome.ALREADY_APPLIED;
    }
}
