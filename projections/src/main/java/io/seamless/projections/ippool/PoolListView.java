package io.seamless.projections.ippool;

import java.util.List;

/** The answer of {@code GET /api/v1/ip-pools}: the pools that are not deleted, by name. */
record PoolListView(List<PoolView> items) {
}
