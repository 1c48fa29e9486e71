/**
 * How a Pod is pinned to the unit's address, one {@link io.seamless.reactors.cni.CniStrategy} per CNI mode of an IP
 * pool. Adding a CNI is one class plus one line in {@link io.seamless.reactors.cni.CniStrategies#standard}.
 */
package io.seamless.reactors.cni;
