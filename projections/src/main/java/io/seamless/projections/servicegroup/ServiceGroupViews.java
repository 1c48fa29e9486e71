package io.seamless.projections.servicegroup;

import io.seamless.projections.support.Versioned;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.seamless.projections.servicegroup.ServiceGroupEvents.ServiceSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The answers of the service group queries; {@code version} is always the sequence of the last event applied. */
final class ServiceGroupViews {

    private ServiceGroupViews() {
    }

    /** One group of {@code GET /api/v1/service-groups}. */
    @JsonPropertyOrder({"name", "engine", "topology", "engineVersion", "status", "units", "version", "updatedAt"})
    record Summary(String name, String engine, String topology, String engineVersion, String status, int units,
                   long version, Instant updatedAt) {
    }

    /** {@code GET /api/v1/service-groups}: the groups that are not deleted, by name. */
    record ListView(List<Summary> items) {

        ListView {
            items = List.copyOf(items);
        }
    }

    /**
     * {@code GET /api/v1/service-groups/{name}}. {@code pendingOperation}: the operation waiting for addresses;
     * {@code renderError}: why the latest state could not be rendered into a desired-state document (the last
     * document rendered stays published meanwhile); both absent when none.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "engine", "topology", "engineVersion", "shards", "status", "standbyOf", "primary",
            "restartGeneration", "pendingOperation", "services", "units", "readyUnits", "renderError", "version",
            "createdAt", "updatedAt"})
    record Detail(String name, String engine, String topology, String engineVersion, int shards, String status,
                  String standbyOf, String primary, long restartGeneration, String pendingOperation,
                  Map<String, ServiceSpec> services, List<UnitView> units, long readyUnits, String renderError,
                  long version, Instant createdAt, Instant updatedAt) implements Versioned {
    }

    /**
     * A unit of the group: where it runs, its address (absent until assigned) and what its reactor last observed
     * of it ({@code UNIT_READY}, {@code UNIT_NOT_READY}, {@code UNIT_FAILED}, {@code POD_GONE}; absent before any):
     * desired beside observed.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "service", "shard", "ordinal", "cluster", "address", "observed"})
    record UnitView(String id, String service, Integer shard, int ordinal, String cluster, String address,
                    String observed) {
    }

    /** The detail of a group from its folded state and the columns kept beside it. */
    static Detail detail(GroupState state, String renderError, long version, Instant createdAt, Instant updatedAt) {
        List<UnitView> units = state.units().stream()
                .map(unit -> new UnitView(unit.id(), unit.service(), unit.shard(), unit.ordinal(), unit.cluster(),
                        unit.address(), unit.observed()))
                .toList();
        long ready = units.stream().filter(unit -> "UNIT_READY".equals(unit.observed())).count();
        return new Detail(state.name(), state.engine(), state.topology(), state.engineVersion(), state.shards(),
                state.status().name(), state.standbyOf(), state.primary(), state.restartGeneration(),
                state.pendingOperation(), state.services(), units, ready, renderError, version, createdAt, updatedAt);
    }
}
