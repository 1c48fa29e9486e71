package io.seamless.projections.ippool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.seamless.projections.support.EventEnvelope;
import io.seamless.projections.support.MalformedEventException;
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

    // New optional fields are a compatible change of a v1 schema: ignore what we do not know.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private IpPoolEvents() {
    }

    /** The event's data as {@code type}; malformed when a required field is missing or names another pool. */
    static <T extends PoolEvent> T read(EventEnvelope event, Class<T> type) {
        T payload;
        try {
            payload = JSON.treeToValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(event.type() + " data not readable: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(event.type() + " data not readable: " + e.getMessage());
        }
        if (!payload.pool().equals(event.subject())) {
            throw new MalformedEventException(event.type() + " data names pool '" + payload.pool()
                    + "' but ce_subject is '" + event.subject() + "'");
        }
        return payload;
    }

    private static <V> V required(V value, String field) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
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
            required(pool, "pool");
            required(cidr, "cidr");
            required(gateway, "gateway");
            excluded = excluded == null ? List.of() : List.copyOf(excluded);
            required(cniMode, "cniMode");
            required(network, "network");
            required(capacity, "capacity");
        }
    }

    record AddressAllocated(String pool, String unit, String address) implements AddressEvent {
        AddressAllocated {
            required(pool, "pool");
            required(unit, "unit");
            required(address, "address");
        }
    }

    record AddressReserved(String pool, String unit, String address) implements AddressEvent {
        AddressReserved {
            required(pool, "pool");
            required(unit, "unit");
            required(address, "address");
        }
    }

    record AddressReleased(String pool, String unit, String address) implements AddressEvent {
        AddressReleased {
            required(pool, "pool");
            required(unit, "unit");
            required(address, "address");
        }
    }

    record IpPoolDeleted(String pool) implements PoolEvent {
        IpPoolDeleted {
            required(pool, "pool");
        }
    }
}
