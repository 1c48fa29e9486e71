/**
 * The reactors role as a process: Spring wiring ({@link io.seamless.reactors.runtime.ReactorsConfiguration}, active
 * with {@code seamless.roles} naming {@code reactors}), the Kafka side (the whole desired-state topic fanned out to
 * every cluster's reactor, cluster discovery from the cluster events, observations out) and the supervisor that
 * runs one reactor per registered cluster, against its kubeconfig or a sandbox. Kafka and the clusters' API servers
 * are all it talks to.
 */
package io.seamless.reactors.runtime;
