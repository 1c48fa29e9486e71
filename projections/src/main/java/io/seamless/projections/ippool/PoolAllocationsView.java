package io.seamless.projections.ippool;

import java.util.List;

/** The answer of {@code GET /api/v1/ip-pools/{pool}/allocations}: the pool's addresses in numeric order. */
record PoolAllocationsView(String pool, List<AllocationView> items) {
}
