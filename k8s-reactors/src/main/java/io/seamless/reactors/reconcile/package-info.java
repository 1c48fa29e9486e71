/**
 * The reactor's runtime over one cluster's fabric8 client: the {@link io.seamless.reactors.reconcile.GroupReconciler}
 * (whole desired state in, create / update-with-resourceVersion / delete out, a typed result), the
 * {@link io.seamless.reactors.reconcile.WorkQueue} and {@link io.seamless.reactors.reconcile.ClusterReactor} that
 * drive it from a {@link io.seamless.reactors.reconcile.DesiredStateFeed}, the CRD installer, and the leader
 * election that lets one replica per cluster write. No Spring, no Kafka: the package {@code runtime} wires them.
 */
package io.seamless.reactors.reconcile;
