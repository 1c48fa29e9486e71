/**
 * What the reactors report back: {@link io.seamless.reactors.observation.Observation}s of transitions they saw in
 * a cluster, handed to an {@link io.seamless.reactors.observation.ObservationSink}; the reactors role publishes them
 * to {@code seamless.observations} ({@code io.seamless.reactors.runtime.ObservationPublisher}).
 */
package io.seamless.reactors.observation;
