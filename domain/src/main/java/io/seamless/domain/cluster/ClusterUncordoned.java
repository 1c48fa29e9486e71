package io.seamless.domain.cluster;

/** The cluster takes new units again. */
public record ClusterUncordoned(String cluster) implements ClusterEvent {
}
