package io.seamless.projections.servicegroup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The desired state of one service group, published whole on {@code seamless.desired-state}: everything a
 * reactor needs to converge a cluster on it, and nothing that depends on when or how often it was rendered.
 * The JSON Schema is {@code schemas/desired-state/ServiceGroupDesiredState.v2.schema.json}; the field order
 * here is the order on the wire, so equal states are equal bytes.
 *
 * @param version           the sequence of the last group event folded in
 * @param engineVersion     the engine's version the units run (their image tags follow it)
 * @param status            {@code PROVISIONING}, {@code READY}, {@code FAILED} or {@code STOPPED}
 * @param standbyOf         the group this one replicates from (disaster recovery); absent when none
 * @param primary           the unit that is the writable primary, for engines that have one
 * @param restartGeneration bumped by every restart, so that a level-triggered reactor sees something to do
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"apiVersion", "kind", "name", "version", "engine", "topology", "engineVersion", "status",
        "stopped", "standbyOf", "primary", "restartGeneration", "units"})
record DesiredStateDocument(String apiVersion, String kind, String name, long version, String engine,
                            String topology, String engineVersion, String status, boolean stopped, String standbyOf,
                            String primary, long restartGeneration, List<UnitDocument> units) {

    static final String API_VERSION = "seamless.io/v2";
    static final String KIND = "ServiceGroupDesiredState";

    DesiredStateDocument {
        units = List.copyOf(units);
    }

    /**
     * One unit. {@code site} and {@code zone} come from its cluster and {@code networking} from its service's IP
     * pool, each once that cluster or pool is known; {@code address} and {@code config} once the unit has an
     * address (configuration is rendered from the addresses of the group's units).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "service", "shard", "ordinal", "cluster", "site", "zone", "address", "image", "ports",
            "resources", "storage", "networking", "config"})
    record UnitDocument(String id, String service, Integer shard, int ordinal, String cluster, String site,
                        String zone, String address, String image, List<PortDocument> ports,
                        ResourcesDocument resources, StorageDocument storage, NetworkingDocument networking,
                        List<ConfigFileDocument> config) {

        UnitDocument {
            ports = List.copyOf(ports);
            config = config == null ? null : List.copyOf(config);
        }
    }

    @JsonPropertyOrder({"name", "port"})
    record PortDocument(String name, int port) {
    }

    @JsonPropertyOrder({"cpu", "memory"})
    record ResourcesDocument(String cpu, String memory) {
    }

    /** {@code storageClass} absent: the cluster's default class. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"storageClass", "size"})
    record StorageDocument(String storageClass, String size) {
    }

    /**
     * How the unit's pod is pinned to its address: the pool's CNI mode and network, and the prefix length of the
     * pool's CIDR (Multus wants the address in CIDR notation); the prefix is absent for a pool known before it
     * was recorded.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"mode", "network", "address", "prefixLength"})
    record NetworkingDocument(String mode, String network, String address, Integer prefixLength) {
    }

    /** One rendered configuration file and its whole content. */
    @JsonPropertyOrder({"name", "content"})
    record ConfigFileDocument(String name, String content) {
    }
}
