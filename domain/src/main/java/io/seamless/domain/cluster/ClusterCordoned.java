package io.seamless.domain.cluster;

/** No new unit is placed on the cluster from now on; the units it hosts stay. */
public record ClusterCordoned(String cluster) implements ClusterEvent {
}
