package io.seamless.projections.ippool;

import io.seamless.projections.support.EventData;
import io.seamless.projections.support.EventEnvelope;
import java.util.List;

/**
 * The public IP pool events of docs/event-catalogue.md, as this projection reads them. They are this
 * module's own copy of the contract: the projections never see the domain's classes.
 */
final class IpPoolEvents {

    static final String POOL_CREATED = "io.seamless.ippool.IpPoolCreated.v1";
    static final String ADDRESS_ALLOCATED = "io.seamless.ippool.AddressAllocated.v1";
    static final String ADDRESS_RESERVED = "io.seamless.ippool.AddressReserved.v1";
    static final String ADDRESS_RELEASED = "io.seamless.ippool.AddressReleased.v1";
    static final String POOL_DELETED = "io.seamless.ippool.IpPoolDeleted.v1";


    private IpPoolEvents() {
    }

    /** The event's data as {@code type}; malformed when a required field is missing or names another pool. */
    static <T extends PoolEvent> T read(EventEnvelope event, Class<T> type) {
        return EventData.read(event, type, PoolEvent::pool, "pool");
    }


    interface PoolEvent {
        String pool();
    }

    /** An address handed to or taken back from a unit. */
    interface AddressEvent extends PoolEvent {
        String unit();

        String address();
    }

    record IpPoolCreated(String pool, String cidr, String gateway, List<String> excluded, Integer vlan,
                         String cniMode, String network, Long capacity) implements PoolEvent {
        IpPoolCreated {
            EventData.required(pool, "pool");
            EventData.required(cidr, "cidr");
            EventData.required(gateway, "gateway");
            excluded = excluded == null ? List.of() : List.copyOf(excluded);
            EventData.required(cniMode, "cniMode");
            EventData.required(network, "network");
            EventData.required(capacity, "capacity");
        }
    }

    record AddressAllocated(String pool, String unit, String address) implements AddressEvent {
        AddressAllocated {
            EventData.required(pool, "pool");
            EventData.required(unit, "unit");
            EventData.required(address, "address");
        }
    }

    record AddressReserved(String pool, String unit, String address) implements AddressEvent {
        AddressReserved {
            EventData.required(pool, "pool");
            EventData.required(unit, "unit");
            EventData.required(address, "address");
        }
    }

    record AddressReleased(String pool, String unit, String address) implements AddressEvent {
        AddressReleased {
            EventData.required(pool, "pool");
            EventData.required(unit, "unit");
            EventData.required(address, "address");
        }
    }

    record IpPoolDeleted(String pool) implements PoolEvent {
        IpPoolDeleted {
            EventData.required(pool, "pool");
        }
    }
}
