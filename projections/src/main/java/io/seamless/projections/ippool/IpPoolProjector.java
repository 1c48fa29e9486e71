package io.seamless.projections.ippool;

import io.seamless.projections.ippool.IpPoolEvents.AddressAllocated;
import io.seamless.projections.ippool.IpPoolEvents.AddressEvent;
import io.seamless.projections.ippool.IpPoolEvents.AddressReleased;
import io.seamless.projections.ippool.IpPoolEvents.AddressReserved;
import io.seamless.projections.ippool.IpPoolEvents.IpPoolCreated;
import io.seamless.projections.ippool.IpPoolEvents.IpPoolDeleted;
import io.seamless.projections.support.ApplyOutcome;
import io.seamless.projections.support.EventEnvelope;
import io.seamless.projections.support.EventProjection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds {@code seamless.events.ippool} into the IP pool read model. Each event is applied once: the pool row
 * keeps the sequence of the last event applied, and an event at or below it is a redelivery. Every handler
 * reads the event's data before it writes, so a malformed event leaves the transaction untouched.
 */
public final class IpPoolProjector implements EventProjection {

    private static final Logger log = LoggerFactory.getLogger(IpPoolProjector.class);

    private final IpPoolRepository pools;
    private final Map<String, Function<EventEnvelope, ApplyOutcome>> handlers;

    public IpPoolProjector(IpPoolRepository pools) {
        this.pools = pools;
        this.handlers = Map.of(
                IpPoolEvents.POOL_CREATED, this::poolCreated,
                IpPoolEvents.ADDRESS_ALLOCATED,
                event -> addressTaken(event, AddressAllocated.class, AllocationView.ALLOCATED),
                IpPoolEvents.ADDRESS_RESERVED,
                event -> addressTaken(event, AddressReserved.class, AllocationView.RESERVED),
                IpPoolEvents.ADDRESS_RELEASED, this::addressReleased,
                IpPoolEvents.POOL_DELETED, this::poolDeleted);
    }

    @Override
    public ApplyOutcome apply(EventEnvelope event) {
        Function<EventEnvelope, ApplyOutcome> handler = handlers.get(event.type());
        return handler == null ? ApplyOutcome.UNKNOWN_TYPE : handler.apply(event);
    }

    private ApplyOutcome poolCreated(EventEnvelope event) {
        IpPoolCreated created = IpPoolEvents.read(event, IpPoolCreated.class);
        OptionalLong last = pools.lastSequence(created.pool());
        if (last.isPresent() && event.sequence() <= last.getAsLong()) {
            return alreadyApplied(event, last.getAsLong());
        }
        if (last.isPresent()) {
            log.warn("IP pool {}: created again at version {} although the view holds it at version {}, skipped",
                    created.pool(), event.sequence(), last.getAsLong());
            return ApplyOutcome.REJECTED;
        }
        pools.insertPool(created, event.sequence(), event.time());
        log.info("IP pool {}: created ({}, capacity {}, {} network {}) at version {}", created.pool(), created.cidr(),
                created.capacity(), created.cniMode(), created.network(), event.sequence());
        return ApplyOutcome.APPLIED;
    }

    private ApplyOutcome addressTaken(EventEnvelope event, Class<? extends AddressEvent> type, String kind) {
        AddressEvent taken = IpPoolEvents.read(event, type);
        Optional<ApplyOutcome> skipped = skipped(event);
        if (skipped.isPresent()) {
            return skipped.get();
        }
        boolean recorded = pools.insertAllocation(taken, kind, event.sequence());
        pools.advance(taken.pool(), event.sequence(), event.time(), recorded ? 1 : 0);
        if (!recorded) {
            log.warn("IP pool {}: {} address {} to unit {} at version {} conflicts with an allocation in the view,"
                    + " not recorded", taken.pool(), kind, taken.address(), taken.unit(), event.sequence());
            return ApplyOutcome.REJECTED;
        }
        log.debug("IP pool {}: {} address {} to unit {} at version {}", taken.pool(), kind, taken.address(),
                taken.unit(), event.sequence());
        return ApplyOutcome.APPLIED;
    }

    private ApplyOutcome addressReleased(EventEnvelope event) {
        AddressReleased released = IpPoolEvents.read(event, AddressReleased.class);
        Optional<ApplyOutcome> skipped = skipped(event);
        if (skipped.isPresent()) {
            return skipped.get();
        }
        int removed = pools.deleteAllocation(released);
        pools.advance(released.pool(), event.sequence(), event.time(), -removed);
        if (removed == 0) {
            log.warn("IP pool {}: release of address {} by unit {} at version {} matches no allocation in the view",
                    released.pool(), released.address(), released.unit(), event.sequence());
            return ApplyOutcome.REJECTED;
        }
        log.debug("IP pool {}: released address {} of unit {} at version {}", released.pool(), released.address(),
                released.unit(), event.sequence());
        return ApplyOutcome.APPLIED;
    }

    private ApplyOutcome poolDeleted(EventEnvelope event) {
        IpPoolDeleted deleted = IpPoolEvents.read(event, IpPoolDeleted.class);
        Optional<ApplyOutcome> skipped = skipped(event);
        if (skipped.isPresent()) {
            return skipped.get();
        }
        pools.markDeleted(deleted.pool(), event.sequence(), event.time());
        log.info("IP pool {}: deleted at version {}", deleted.pool(), event.sequence());
        return ApplyOutcome.APPLIED;
    }

    /** Why an event of an existing pool must change nothing, or empty when it is new. */
    private Optional<ApplyOutcome> skipped(EventEnvelope event) {
        OptionalLong last = pools.lastSequence(event.subject());
        if (last.isEmpty()) {
            log.warn("IP pool {}: event {} ({}) at version {} skipped, the pool was never created in the view",
                    event.subject(), event.id(), event.type(), event.sequence());
            return Optional.of(ApplyOutcome.REJECTED);
        }
        if (event.sequence() <= last.getAsLong()) {
            return Optional.of(alreadyApplied(event, last.getAsLong()));
        }
        return Optional.empty();
    }

    private static ApplyOutcome alreadyApplied(EventEnvelope event, long version) {
        log.debug("IP pool {}: event {} ({}) at version {} already applied (view at version {}), ignored",
                event.subject(), event.id(), event.type(), event.sequence(), version);
        return ApplyOutcome.ALREADY_APPLIED;
    }
}
