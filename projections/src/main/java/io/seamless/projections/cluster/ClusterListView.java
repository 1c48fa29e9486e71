package io.seamless.projections.cluster;

import java.util.List;

/** The answer of {@code GET /api/v1/clusters}: the clusters that are not removed, by name. */
record ClusterListView(List<ClusterView> items) {
}
