package io.seamless.domain.ippool;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.seamless.domain.common.DomainException;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A range of IPv4 addresses handed out to units. Invariants are checked in the command handlers
 * before anything is applied; event sourcing handlers only assign. The state is compact on
 * purpose (one bitmap + two dense arrays) so that a nearly full /16 loads fast from its snapshot.
 */
public class IpPool {

    @AggregateIdentifier
    private String name;
    private Cidr cidr;
    /** Set for every address that may not be handed out now: blocked or held by a unit. */
    private AddressBitmap used;
    private UnitTable units;

    protected IpPool() {
        // for Axon and the snapshot serializer
    }

    @CommandHandler
    public IpPool(CreateIpPool command) {
        PoolLayout layout = PoolLayout.of(command.cidr(), command.gateway(), command.excluded());
        CniMode cniMode = CniMode.fromValue(command.cniMode());
        checkVlan(command.vlan());
        int capacity = layout.blocked().size() - layout.blocked().cardinality();
        apply(new IpPoolCreated(command.pool(), layout.cidr().toString(), Ipv4.format(layout.gateway()),
                layout.excludedTexts(), command.vlan(), cniMode.value(), command.network(), capacity));
    }

    @CommandHandler
    public AddressAssignment handle(AllocateAddress command) {
        Integer held = units.offsetOf(command.unit());
        if (held != null) {
            return assignment(command.unit(), held);
        }
        int free = used.nextClear();
        if (free < 0) {
            throw new DomainException(IpPoolError.IP_POOL_EXHAUSTED, "IP pool '" + name + "' (" + cidr
                    + ") has no free address left for unit '" + command.unit() + "'");
        }
        apply(new AddressAllocated(name, command.unit(), Ipv4.format(cidr.addressAt(free))));
        return assignment(command.unit(), free);
    }

    @CommandHandler
    public List<AddressAssignment> handle(AllocateAddresses command) {
        List<String> newcomers = command.units().stream().distinct().filter(unit -> units.offsetOf(unit) == null)
                .toList();
        int free = used.size() - used.cardinality();
        if (newcomers.size() > free) {
            throw new DomainException(IpPoolError.IP_POOL_EXHAUSTED, "IP pool '" + name + "' (" + cidr + ") has "
                    + free + " free address(es), " + newcomers.size() + " unit(s) asked for one: " + newcomers);
        }
        for (String unit : newcomers) {
            apply(new AddressAllocated(name, unit, Ipv4.format(cidr.addressAt(used.nextClear()))));
        }
        return command.units().stream().map(unit -> assignment(unit, units.offsetOf(unit))).toList();
    }

    @CommandHandler
    public AddressAssignment handle(ReserveAddress command) {
        int wanted = offsetInPool(command.address());
        Integer held = units.offsetOf(command.unit());
        if (held != null && held == wanted) {
            return assignment(command.unit(), held);
        }
        if (held != null) {
            throw new DomainException(IpPoolError.UNIT_HOLDS_OTHER_ADDRESS, "unit '" + command.unit() + "' already holds "
                    + Ipv4.format(cidr.addressAt(held)) + " in IP pool '" + name + "'; release it first");
        }
        if (used.get(wanted)) {
            throw notFree(command.address(), wanted);
        }
        apply(new AddressReserved(name, command.unit(), Ipv4.format(cidr.addressAt(wanted))));
        return assignment(command.unit(), wanted);
    }

    @CommandHandler
    public AddressAssignment handle(ReleaseAddress command) {
        Integer held = units.offsetOf(command.unit());
        if (held == null) {
            return new AddressAssignment(name, command.unit(), null, getVersion());
        }
        String address = Ipv4.format(cidr.addressAt(held));
        apply(new AddressReleased(name, command.unit(), address));
        return new AddressAssignment(name, command.unit(), address, getVersion());
    }

    @CommandHandler
    public long handle(DeleteIpPool command) {
        if (!units.isEmpty()) {
            throw new DomainException(IpPoolError.IP_POOL_HAS_ALLOCATIONS, "IP pool '" + name + "' still has "
                    + units.size() + " allocation(s); release them first");
        }
        apply(new IpPoolDeleted(name));
        return getVersion();
    }

    @EventSourcingHandler
    void on(IpPoolCreated event) {
        name = event.pool();
        PoolLayout layout = PoolLayout.of(event.cidr(), event.gateway(), event.excluded());
        cidr = layout.cidr();
        used = layout.blocked();
        units = new UnitTable();
    }

    @EventSourcingHandler
    void on(AddressAllocated event) {
        hold(event.unit(), event.address());
    }

    @EventSourcingHandler
    void on(AddressReserved event) {
        hold(event.unit(), event.address());
    }

    @EventSourcingHandler
    void on(AddressReleased event) {
        used.clear(units.remove(event.unit()));
    }

    @EventSourcingHandler
    void on(IpPoolDeleted event) {
        markDeleted();
    }

    private void hold(String unit, String address) {
        int offset = cidr.offsetOf(Ipv4.parse(address));
        used.set(offset);
        units.put(unit, offset);
    }

    private AddressAssignment assignment(String unit, int offset) {
        return new AddressAssignment(name, unit, Ipv4.format(cidr.addressAt(offset)), getVersion());
    }

    private int offsetInPool(String address) {
        long wanted = Ipv4.parse(address);
        if (!cidr.contains(wanted)) {
            throw new DomainException(IpPoolError.ADDRESS_OUTSIDE_POOL, address + " is outside IP pool '" + name
                    + "' (" + cidr + ")");
        }
        return cidr.offsetOf(wanted);
    }

    /** Only on the refusal path: find out whether the address is held or never assignable. */
    private DomainException notFree(String address, int offset) {
        return units.holderOf(offset)
                .map(holder -> new DomainException(IpPoolError.ADDRESS_IN_USE, address + " in IP pool '" + name
                        + "' is held by unit '" + holder + "'"))
                .orElseGet(() -> new DomainException(IpPoolError.ADDRESS_NOT_ASSIGNABLE, address + " in IP pool '" + name
                        + "' is the network, broadcast or gateway address, or excluded"));
    }

    private static void checkVlan(Integer vlan) {
        if (vlan != null && (vlan < 1 || vlan > 4094)) {
            throw new DomainException(IpPoolError.INVALID_VLAN, "VLAN id " + vlan + " is outside 1-4094");
        }
    }
}
