package io.seamless.command.publication;

import io.seamless.domain.ippool.AddressAllocated;
import io.seamless.domain.ippool.AddressReleased;
import io.seamless.domain.ippool.AddressReserved;
import io.seamless.domain.ippool.IpPoolCreated;
import io.seamless.domain.ippool.IpPoolDeleted;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one mapping from the domain's stored events to the public contract of docs/event-catalogue.md.
 * When a domain record changes, its entry here keeps the public data unchanged (or a new public
 * version is published): subscribers never see the domain's refactorings.
 */
final class PublicEventCatalog {

    /** A public event type and how its JSON data is built from the domain event. */
    record Entry(PublicEventType type, Function<Object, Object> data) {
    }

    private static final Map<Class<?>, Entry> ENTRIES = Map.of(
            IpPoolCreated.class, sameShape("ippool", "IpPoolCreated"),
            AddressAllocated.class, sameShape("ippool", "AddressAllocated"),
            AddressReserved.class, sameShape("ippool", "AddressReserved"),
            AddressReleased.class, sameShape("ippool", "AddressReleased"),
            IpPoolDeleted.class, sameShape("ippool", "IpPoolDeleted"));

    private PublicEventCatalog() {
    }

    static Optional<Entry> entryFor(Class<?> domainEvent) {
        return Optional.ofNullable(ENTRIES.get(domainEvent));
    }

    /** Version 1 of these events has exactly the fields of the domain record. */
    private static Entry sameShape(String aggregate, String name) {
        return new Entry(new PublicEventType(aggregate, name, 1), Function.identity());
    }
}
