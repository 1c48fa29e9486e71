package io.seamless.command.ippool;

import io.seamless.command.web.Versioned;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The request bodies of the IP pool Command API: shape only; the aggregate checks meaning. */
final class IpPoolRequests {

    static final String DNS_1123_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
    static final String DNS_1123_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    static final String DNS_1123_MESSAGE = "must be lower-case letters, digits and '-', starting and ending with "
            + "a letter or digit (DNS-1123)";

    private IpPoolRequests() {
    }

    @Schema(example = "{\"name\": \"orders-net\", \"cidr\": \"10.20.0.0/24\", \"gateway\": \"10.20.0.1\", "
            + "\"excluded\": [\"10.20.0.2-10.20.0.9\"], \"vlan\": 120, \"cniMode\": \"calico\", \"network\": \"calico-pool-a\"}")
    record CreatePool(
            @NotBlank @Size(max = 63) @Pattern(regexp = DNS_1123_LABEL, message = DNS_1123_MESSAGE) String name,
            @NotBlank @Size(max = 18) String cidr,
            @NotBlank @Size(max = 15) String gateway,
            @Size(max = 1024) List<@NotNull @Size(max = 31) String> excluded,
            @Min(1) @Max(4094) Integer vlan,
            @NotBlank @Schema(allowableValues = {"calico", "kube-ovn", "macvlan", "sriov"}) String cniMode,
            @NotBlank @Size(max = 253) @Pattern(regexp = DNS_1123_SUBDOMAIN, message = DNS_1123_MESSAGE) String network) {
    }

    @Schema(description = "Omit address to get the lowest free one; give one to reserve that address.")
    record Allocate(
            @NotBlank @Size(max = 253) @Pattern(regexp = DNS_1123_SUBDOMAIN, message = DNS_1123_MESSAGE) String unit,
            @Size(max = 15) String address) {
    }

    /** The answer to every write: what the pool is now, and the events it took to get there. */
    record PoolWritten(String name, long version, List<String> eventIds) implements Versioned {
    }

    record AllocationWritten(String pool, String unit, String address, long version, List<String> eventIds)
            implements Versioned {
    }
}
