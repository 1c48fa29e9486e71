package io.seamless.command.servicegroup;

import io.seamless.command.web.Versioned;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** The request bodies of the service-group Command API: shape only; the template and the aggregate check meaning. */
final class ServiceGroupRequests {

    static final String DNS_1123_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
    static final String DNS_1123_MESSAGE = "must be lower-case letters, digits and '-', starting and ending with "
            + "a letter or digit (DNS-1123)";
    static final String VERSION = "^[0-9]+(\\.[0-9]+){1,3}$";
    static final String QUANTITY = "^[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|Ki|Mi|Gi|Ti|Pi)?$";

    private ServiceGroupRequests() {
    }

    @Schema(example = "{\"name\": \"orders-db\", \"engine\": \"mysql\", \"version\": \"8.0.36\", \"topology\":"
            + " \"innodb-cluster\", \"services\": {\"mysqld\": {\"replicas\": 3, \"resources\": {\"cpu\": \"2\","
            + " \"memory\": \"8Gi\"}, \"storage\": {\"size\": \"100Gi\"}, \"ipPool\": \"orders-net\"}, \"router\":"
            + " {\"replicas\": 2, \"ipPool\": \"orders-net\"}}}")
    record CreateGroup(
            @NotBlank @Size(max = 40) @Pattern(regexp = DNS_1123_LABEL, message = DNS_1123_MESSAGE) String name,
            @NotBlank @Size(max = 32) @Pattern(regexp = DNS_1123_LABEL, message = DNS_1123_MESSAGE) String engine,
            @NotBlank @Size(max = 32) @Pattern(regexp = VERSION, message = "must look like 8.0.36") String version,
            @NotBlank @Size(max = 32) @Pattern(regexp = DNS_1123_LABEL, message = DNS_1123_MESSAGE) String topology,
            @Min(0) @Max(128) Integer shards,
            @NotEmpty @Size(max = 16) Map<@Pattern(regexp = DNS_1123_LABEL) String, @NotNull @Valid Service> services,
            @Size(max = 40) @Pattern(regexp = DNS_1123_LABEL, message = DNS_1123_MESSAGE) String standbyOf) {
    }

    record Service(
            @Min(0) @Max(500) int replicas,
            @Valid Resources resources,
            @Valid Storage storage,
            @Size(max = 200) Map<@Size(max = 128) @Pattern(regexp = "^[A-Za-z0-9_.-]+$") String,
                    @NotNull @Size(max = 1024) String> config,
            @Size(max = 63) @Pattern(regexp = DNS_1123_LABEL, message = DNS_1123_MESSAGE) String ipPool) {
    }

    record Resources(@Size(max = 16) @Pattern(regexp = QUANTITY) String cpu,
                     @Size(max = 16) @Pattern(regexp = QUANTITY) String memory) {
    }

    record Storage(@Size(max = 63) @Pattern(regexp = DNS_1123_LABEL, message = DNS_1123_MESSAGE) String storageClass,
                   @Size(max = 16) @Pattern(regexp = QUANTITY) String size) {
    }

    /** One operation on an existing group, told apart by {@code type}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = ScaleOut.class, name = "ScaleOut"),
        @JsonSubTypes.Type(value = ScaleIn.class, name = "ScaleIn"),
        @JsonSubTypes.Type(value = ChangeResources.class, name = "ChangeResources"),
        @JsonSubTypes.Type(value = ExpandVolume.class, name = "ExpandVolume"),
        @JsonSubTypes.Type(value = Upgrade.class, name = "Upgrade"),
        @JsonSubTypes.Type(value = Restart.class, name = "Restart"),
        @JsonSubTypes.Type(value = Reconfigure.class, name = "Reconfigure"),
        @JsonSubTypes.Type(value = Switchover.class, name = "Switchover"),
        @JsonSubTypes.Type(value = Stop.class, name = "Stop"),
        @JsonSubTypes.Type(value = Start.class, name = "Start"),
        @JsonSubTypes.Type(value = PromoteStandby.class, name = "PromoteStandby")
    })
    @Schema(example = "{\"type\": \"ScaleOut\", \"service\": \"mysqld\", \"replicas\": 5}")
    sealed interface OperationRequest permits ScaleOut, ScaleIn, ChangeResources, ExpandVolume, Upgrade, Restart,
            Reconfigure, Switchover, Stop, Start, PromoteStandby {
    }

    record ScaleOut(@NotBlank @Size(max = 63) String service, @Min(1) @Max(500) int replicas) implements OperationRequest {
    }

    record ScaleIn(@NotBlank @Size(max = 63) String service, @Min(0) @Max(500) int replicas) implements OperationRequest {
    }

    record ChangeResources(@NotBlank @Size(max = 63) String service, @NotNull @Valid Resources resources)
            implements OperationRequest {
    }

    record ExpandVolume(@NotBlank @Size(max = 63) String service,
                        @NotBlank @Size(max = 16) @Pattern(regexp = QUANTITY) String size) implements OperationRequest {
    }

    record Upgrade(@NotBlank @Size(max = 32) @Pattern(regexp = VERSION) String version) implements OperationRequest {
    }

    record Restart(@Size(max = 63) String service) implements OperationRequest {
    }

    record Reconfigure(@NotBlank @Size(max = 63) String service,
                       @NotEmpty @Size(max = 200) Map<@Size(max = 128) @Pattern(regexp = "^[A-Za-z0-9_.-]+$") String,
                               @NotNull @Size(max = 1024) String> parameters) implements OperationRequest {
    }

    record Switchover(@NotBlank @Size(max = 253) String unit) implements OperationRequest {
    }

    record Stop() implements OperationRequest {
    }

    record Start() implements OperationRequest {
    }

    record PromoteStandby() implements OperationRequest {
    }

    /** The answer to every write: the operation started, the group's version, the events recorded. */
    record OperationAccepted(String serviceGroup, String operationId, String type, long version,
                             List<String> eventIds) implements Versioned {
    }
}
