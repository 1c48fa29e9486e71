package io.seamless.projections.ippool;

import io.seamless.projections.support.Versioned;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** An IP pool as the query API shows it; {@code version} is the sequence of the last event applied to it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "cidr", "gateway", "excluded", "vlan", "cniMode", "network", "capacity", "allocated",
        "free", "version"})
record PoolView(String name, String cidr, String gateway, List<String> excluded, Integer vlan, String cniMode,
                String network, long capacity, long allocated, long version) implements Versioned {

    PoolView {
        excluded = List.copyOf(excluded);
    }

    @JsonProperty("free")
    long free() {
        return capacity - allocated;
    }
}
