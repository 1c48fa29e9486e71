package io.seamless.reactors.reconcile;

/**
 * A managed object put back after someone deleted or edited it by hand: the desired state had not changed, the
 * live object had. A later step publishes each one as an observation, so that the history shows the drift.
 *
 * @param what {@code recreated}, or the parts restored, e.g. {@code spec}, {@code labels, data}
 */
public record Correction(String kind, String name, String what) {
}
