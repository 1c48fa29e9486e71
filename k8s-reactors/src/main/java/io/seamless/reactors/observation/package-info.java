/**
 * What the reactors report back: {@link io.seamless.reactors.observation.Observation}s of transitions they saw in
 * a cluster, handed to an {@link io.seamless.reactors.observation.ObservationSink} that a later step publishes.
 */
package io.seamless.reactors.observation;
