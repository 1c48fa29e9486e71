package io.seamless.domain.cluster;

/**
 * What a cluster offers to units, as Kubernetes quantities: CPU ({@code "64"}, {@code "2500m"}), memory
 * and storage ({@code "256Gi"}, {@code "10Ti"}). In a command they are as the operator wrote them; in an
 * event they are canonical ({@link io.seamless.domain.common.Quantity}), so equal capacities are equal records.
 */
public record Capacity(String cpu, String memory, String storage) {
}
