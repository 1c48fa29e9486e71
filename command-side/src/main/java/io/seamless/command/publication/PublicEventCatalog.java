package io.seamless.command.publication;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.seamless.domain.cluster.ClusterCapacityUpdated;
import io.seamless.domain.cluster.ClusterCordoned;
import io.seamless.domain.cluster.ClusterIpPoolsUpdated;
import io.seamless.domain.cluster.ClusterRegistered;
import io.seamless.domain.cluster.ClusterRemoved;
import io.seamless.domain.cluster.ClusterUncordoned;
import io.seamless.domain.ippool.AddressAllocated;
import io.seamless.domain.ippool.AddressReleased;
import io.seamless.domain.ippool.AddressReserved;
import io.seamless.domain.ippool.IpPoolCreated;
import io.seamless.domain.ippool.IpPoolDeleted;
import io.seamless.domain.servicegroup.ServiceGroupEvent;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one mapping from the domain's stored events to the public contract of docs/event-catalogue.md.
 * When a domain record changes, its entry here keeps the public data unchanged (or a new public
 * version is published): subscribers never see the domain's refactorings.
 *
 * <p>An entry names the public event type without its version: the latest version of each type is
 * the registry's ({@link io.seamless.schemas.EventUpcasters#latestVersion}), the version the store
 * writes new events at and brings old ones to (see {@code eventstore.StoredEventUpcaster}).
 */
public final class PublicEventCatalog {

    /**
     * A public event type and how its JSON data is built from the domain event.
     *
     * @param storedAsPublished the domain record is stored with exactly the fields of its public data,
     *                          so that the registry's version steps, written for the public data, also
     *                          read the stored event
     */
    public record Entry(String aggregate, String name, Function<Object, Object> data, boolean storedAsPublished) {

        /** Its public type at a version. */
        public PublicEventType type(int version) {
            return new PublicEventType(aggregate, name, version);
        }
    }

    private static final Map<Class<?>, Entry> ENTRIES = Map.ofEntries(
            Map.entry(IpPoolCreated.class, sameShape("ippool", "IpPoolCreated")),
            Map.entry(AddressAllocated.class, sameShape("ippool", "AddressAllocated")),
            Map.entry(AddressReserved.class, sameShape("ippool", "AddressReserved")),
            Map.entry(AddressReleased.class, sameShape("ippool", "AddressReleased")),
            Map.entry(IpPoolDeleted.class, sameShape("ippool", "IpPoolDeleted")),
            Map.entry(ClusterRegistered.class, sameShape("cluster", "ClusterRegistered")),
            Map.entry(ClusterCapacityUpdated.class, sameShape("cluster", "ClusterCapacityUpdated")),
            Map.entry(ClusterIpPoolsUpdated.class, sameShape("cluster", "ClusterIpPoolsUpdated")),
            Map.entry(ClusterCordoned.class, sameShape("cluster", "ClusterCordoned")),
            Map.entry(ClusterUncordoned.class, sameShape("cluster", "ClusterUncordoned")),
            Map.entry(ClusterRemoved.class, sameShape("cluster", "ClusterRemoved")),
            Map.entry(ServiceGroupEvent.ServiceGroupCreated.class, sameShape("servicegroup", "ServiceGroupCreated")),
            Map.entry(ServiceGroupEvent.UnitAddressesAssigned.class, sameShape("servicegroup", "UnitAddressesAssigned")),
            Map.entry(ServiceGroupEvent.OperationFailed.class, sameShape("servicegroup", "OperationFailed")),
            Map.entry(ServiceGroupEvent.ServiceScaledOut.class, sameShape("servicegroup", "ServiceScaledOut")),
            Map.entry(ServiceGroupEvent.ServiceScaledIn.class, sameShape("servicegroup", "ServiceScaledIn")),
            Map.entry(ServiceGroupEvent.ResourcesChanged.class, sameShape("servicegroup", "ResourcesChanged")),
            Map.entry(ServiceGroupEvent.VolumeExpanded.class, sameShape("servicegroup", "VolumeExpanded")),
            Map.entry(ServiceGroupEvent.VersionUpgraded.class, sameShape("servicegroup", "VersionUpgraded")),
            Map.entry(ServiceGroupEvent.ServicesRestarted.class, sameShape("servicegroup", "ServicesRestarted")),
            Map.entry(ServiceGroupEvent.ServiceReconfigured.class, sameShape("servicegroup", "ServiceReconfigured")),
            Map.entry(ServiceGroupEvent.PrimarySwitchedOver.class, sameShape("servicegroup", "PrimarySwitchedOver")),
            Map.entry(ServiceGroupEvent.ServiceGroupStopped.class, sameShape("servicegroup", "ServiceGroupStopped")),
            Map.entry(ServiceGroupEvent.ServiceGroupStarted.class, sameShape("servicegroup", "ServiceGroupStarted")),
            Map.entry(ServiceGroupEvent.StandbyPromoted.class, sameShape("servicegroup", "StandbyPromoted")),
            Map.entry(ServiceGroupEvent.ServiceGroupDeleted.class, sameShape("servicegroup", "ServiceGroupDeleted")),
            Map.entry(ServiceGroupEvent.ObservationRecorded.class, new Entry(
                    "servicegroup", "ObservationRecorded", PublicObservation::of, false)));
    private static final Map<String, Entry> BY_STORED_TYPE = ENTRIES.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(entry -> entry.getKey().getName(), Map.Entry::getValue));
    private static final Map<String, Entry> BY_PUBLIC_NAME = ENTRIES.values().stream()
            .collect(Collectors.toUnmodifiableMap(entry -> entry.aggregate() + "." + entry.name(), entry -> entry));

    /** The public form of an observation: no operation caused it, and absent fields are left out, not null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PublicObservation(String group, String cluster, String unit, String observation, String reason,
                             String message, String observedAt) {
        static Object of(Object event) {
            ServiceGroupEvent.ObservationRecorded observed = (ServiceGroupEvent.ObservationRecorded) event;
            return new PublicObservation(observed.group(), observed.cluster(), observed.unit(), observed.observation(),
                    observed.reason(), observed.message(), observed.observedAt().toString());
        }
    }

    private PublicEventCatalog() {
    }

    /** The entry of a domain event class; empty when it has no public form. */
    public static Optional<Entry> entryFor(Class<?> domainEvent) {
        return Optional.ofNullable(ENTRIES.get(domainEvent));
    }

    /** The entry of a stored payload type (the domain event's class name, as Axon stores it). */
    public static Optional<Entry> entryForStoredType(String className) {
        return Optional.ofNullable(BY_STORED_TYPE.get(className));
    }

    /** The entry of a public event type, e.g. {@code ("ippool", "AddressAllocated")}. */
    public static Optional<Entry> entryFor(String aggregate, String name) {
        return Optional.ofNullable(BY_PUBLIC_NAME.get(aggregate + "." + name));
    }

    /** These events' public data has exactly the fields of the domain record. */
    private static Entry sameShape(String aggregate, String name) {
        return new Entry(aggregate, name, Function.identity(), true);
    }
}
