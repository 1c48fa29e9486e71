package io.seamless.domain.servicegroup;

/** CPU and memory of each unit of a service, as Kubernetes quantities in canonical form ({@code "2"}, {@code "8Gi"}). */
public record Resources(String cpu, String memory) {
}
