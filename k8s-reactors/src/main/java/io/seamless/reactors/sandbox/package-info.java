/**
 * The sandbox: a Kubernetes API server in this process for every registered cluster that has no real
 * configuration, so that the whole loop (command, desired state, reactor, Units and Pods) runs on one machine with
 * nothing installed. It is fabric8's mock server in CRUD mode, whose limits are in STACK.md (trap 9): no kubelet
 * (nothing runs, Pods stay Pending until a test or a person sets their status), no garbage collection, no
 * server-side apply. It is in memory: a restart loses it, and the reactor rebuilds it from the compacted
 * desired-state topic.
 */
package io.seamless.reactors.sandbox;
