package io.seamless.domain.cluster;

/** The cluster was removed (it hosted no unit). Its name is not reused. */
public record ClusterRemoved(String cluster) implements ClusterEvent {
}
