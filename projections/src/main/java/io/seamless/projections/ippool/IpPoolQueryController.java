package io.seamless.projections.ippool;

import io.seamless.projections.ConditionalOnProjectionsRole;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpStatus;
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
class IpPoolQueryController {

    static final URI NOT_FOUND_TYPE = URI.create("https://seamless.io/problems/ip-pool-not-found");
    static final String NOT_FOUND_TITLE = "IP pool not found";
    static final String NOT_FOUND_CODE = "IP_POOL_NOT_FOUND";

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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
        problem.setType(NOT_FOUND_TYPE);
        problem.setTitle(NOT_FOUND_TITLE);
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("errorCode", NOT_FOUND_CODE);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
