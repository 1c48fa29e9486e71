package io.seamless.projections.ippool;

import io.seamless.projections.ConditionalOnProjectionsRole;
import io.seamless.projections.support.NotFoundProblem;
import io.seamless.security.RequiresRole;
import io.seamless.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read-only queries over the IP pool read model. A deleted pool is answered like one that never existed. */
@RestController
@ConditionalOnProjectionsRole
@RequestMapping("/api/v1/ip-pools")
@RequiresRole(Role.VIEWER)
class IpPoolQueryController {


    private final IpPoolRepository pools;

    IpPoolQueryController(IpPoolRepository pools) {
        this.pools = pools;
    }

    @GetMapping
    PoolListView list() {
        return new PoolListView(pools.findActivePools());
    }

    @GetMapping("/{pool}")
    PoolView get(@PathVariable String pool) {
        return pools.findActivePool(pool).orElseThrow(() -> new IpPoolNotFoundException(pool));
    }

    @GetMapping("/{pool}/allocations")
    PoolAllocationsView allocations(@PathVariable String pool) {
        if (pools.findActivePool(pool).isEmpty()) {
            throw new IpPoolNotFoundException(pool);
        }
        return new PoolAllocationsView(pool,
                pools.findAllocations(pool).stream().sorted(AllocationView.BY_ADDRESS).toList());
    }

    @ExceptionHandler(IpPoolNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(IpPoolNotFoundException exception, HttpServletRequest request) {
        return NotFoundProblem.of("ip-pool-not-found", "IP pool not found", exception, request);
    }
}
