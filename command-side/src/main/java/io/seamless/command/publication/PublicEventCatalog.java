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

/**
 * The one mapping from the domain's stored events to the public contract of docs/event-catalogue.md.
 * When a domain record changes, its entry here keeps the public data unchanged (or a new public
 * version is published): subscribers never see the domain's refactorings.
 */
final class PublicEventCatalog {

    /** A public event type and how its JSON data is built from the domain event. */
    record Entry(PublicEventType type, Function<Object, Object> data) {
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
                    new PublicEventType("servicegroup", "ObservationRecorded", 1), PublicObservation::of)));

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

    static Optional<Entry> entryFor(Class<?> domainEvent) {
        return Optional.ofNullable(ENTRIES.get(domainEvent));
    }

    /** Version 1 of these events has exactly the fields of the domain record. */
    private static Entry sameShape(String aggregate, String name) {
        return new Entry(new PublicEventType(aggregate, name, 1), Function.identity());
    }
}
