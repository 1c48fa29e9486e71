package io.seamless.domain.engine;

import io.seamless.domain.common.DomainException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A group's units as a renderer looks them up: ordered by the template's service order, shard and
 * ordinal (so that output never depends on the order the caller listed them), with the lookups
 * every template needs: a service's units, a shard's units, their {@code address:port} endpoints.
 */
final class Peers {

    private final String group;
    private final String version;
    private final List<UnitLayout> units;
    private final String primary;

    private Peers(String group, String version, List<UnitLayout> units, String primary) {
        this.group = group;
        this.version = version;
        this.units = units;
        this.primary = primary;
    }

    static Peers of(GroupLayout layout, List<FunctionType> types) {
        List<String> order = types.stream().map(FunctionType::name).toList();
        for (UnitLayout unit : layout.units()) {
            int index = order.indexOf(unit.service());
            if (index < 0) {
                throw new DomainException(EngineError.UNKNOWN_FUNCTION_TYPE, "unit " + unit.id() + " is of service '"
                        + unit.service() + "', which the template does not know; known: " + order);
            }
            if (types.get(index).perShard() != (unit.shard() != null)) {
                throw new IllegalArgumentException("unit " + unit.id() + (unit.shard() == null
                        ? " has no shard, but " + unit.service() + " runs one set per shard"
                        : " has shard " + unit.shard() + ", but " + unit.service() + " is not sharded"));
            }
        }
        Comparator<UnitLayout> byLayout = Comparator.<UnitLayout>comparingInt(unit -> order.indexOf(unit.service()))
                .thenComparing(UnitLayout::shard, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(UnitLayout::ordinal)
                .thenComparing(UnitLayout::id);
        return new Peers(layout.group(), layout.version(), layout.units().stream().sorted(byLayout).toList(),
                layout.primary());
    }

    String group() {
        return group;
    }

    String version() {
        return version;
    }

    List<UnitLayout> all() {
        return units;
    }

    List<UnitLayout> of(String service) {
        return units.stream().filter(unit -> unit.service().equals(service)).toList();
    }

    List<UnitLayout> of(String service, int shard) {
        return units.stream().filter(unit -> unit.service().equals(service) && Objects.equals(unit.shard(), shard))
                .toList();
    }

    /** The shards a sharded service has units in, ascending. */
    List<Integer> shards(String service) {
        return of(service).stream().map(UnitLayout::shard).filter(Objects::nonNull).distinct().sorted().toList();
    }

    /** The unit of a service with the lowest shard and ordinal: the initial primary, the bootstrapper. */
    UnitLayout first(String service) {
        return of(service).stream().findFirst().orElseThrow(() -> new IllegalArgumentException(
                "group " + group + " has no unit of service " + service + " to render from"));
    }

    /** The primary unit of a service now: the layout's primary when it is one of them, else the first. */
    UnitLayout primary(String service) {
        return of(service).stream().filter(unit -> unit.id().equals(primary)).findFirst()
                .orElseGet(() -> first(service));
    }

    static List<String> endpoints(List<UnitLayout> units, int port) {
        return units.stream().map(unit -> unit.address() + ":" + port).toList();
    }

    List<String> endpoints(String service, int port) {
        return endpoints(of(service), port);
    }

    String joined(String service, int port, String separator) {
        return String.join(separator, endpoints(service, port));
    }
}
