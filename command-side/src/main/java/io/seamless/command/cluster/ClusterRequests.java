package io.seamless.command.cluster;

import io.seamless.command.web.Versioned;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** The request bodies of the cluster Command API: shape only; the aggregate checks meaning (labels, quantities). */
final class ClusterRequests {

    static final String DNS_1123_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
    static final String DNS_1123_MESSAGE = "must be lower-case letters, digits and '-', starting and ending with "
            + "a letter or digit (DNS-1123)";

    private ClusterRequests() {
    }

    @Schema(example = "{\"name\": \"bj-1\", \"site\": \"beijing\", \"zone\": \"a\", \"labels\": {\"tier\": \"gold\"}, "
            + "\"capacity\": {\"cpu\": \"64\", \"memory\": \"256Gi\", \"storage\": \"10Ti\"}, \"ipPools\": [\"orders-net\"]}")
    record Register(
            @NotBlank @Size(max = 63) @Pattern(regexp = DNS_1123_LABEL, message = DNS_1123_MESSAGE) String name,
            @NotBlank @Size(max = 63) String site,
            @NotBlank @Size(max = 63) String zone,
            @Size(max = 64) Map<@NotBlank @Size(max = 317) String, @NotNull @Size(max = 63) String> labels,
            @NotNull @Valid CapacityBody capacity,
            @Size(max = 64) List<@NotNull @Size(max = 63) @Pattern(regexp = DNS_1123_LABEL, message = DNS_1123_MESSAGE)
                    String> ipPools) {
    }

    @Schema(description = "Kubernetes quantities: cpu in cores or millicores (\"64\", \"2.5\", \"500m\"), memory and"
            + " storage in bytes, optionally with a suffix Ki, Mi, Gi, Ti, Pi, Ei or k, M, G, T, P, E (\"256Gi\", \"1G\").",
            example = "{\"cpu\": \"64\", \"memory\": \"256Gi\", \"storage\": \"10Ti\"}")
    record CapacityBody(
            @NotBlank @Size(max = 64) String cpu,
            @NotBlank @Size(max = 64) String memory,
            @NotBlank @Size(max = 64) String storage) {
    }

    @Schema(description = "The whole set of IP pools units in the cluster may use.",
            example = "{\"ipPools\": [\"orders-net\", \"search-net\"]}")
    record IpPoolsBody(
            @NotNull @Size(max = 64) List<@NotNull @Size(max = 63)
                    @Pattern(regexp = DNS_1123_LABEL, message = DNS_1123_MESSAGE) String> ipPools) {
    }

    /** The answer to every write: the cluster's version now, and the events it took (none when nothing changed). */
    record ClusterWritten(String name, long version, List<String> eventIds) implements Versioned {
    }
}
