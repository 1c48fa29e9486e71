package io.seamless.reactors.render;

/**
 * "{@code kind}/{@code name} is owned by the Unit {@code ownerUnit}", by name: owner references need the Unit's
 * uid, which only exists once the Unit is created, so the reconciler turns links into references afterwards
 * ({@link ClusterObjects#withOwnerReferences}).
 */
public record OwnerLink(String kind, String name, String ownerUnit) {
}
