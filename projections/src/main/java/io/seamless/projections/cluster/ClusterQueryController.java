package io.seamless.projections.cluster;

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

/** Read-only queries over the cluster read model. A removed cluster is answered like one that never existed. */
@RestController
@ConditionalOnProjectionsRole
@RequestMapping("/api/v1/clusters")
@RequiresRole(Role.VIEWER)
class ClusterQueryController {


    private final ClusterRepository clusters;

    ClusterQueryController(ClusterRepository clusters) {
        this.clusters = clusters;
    }

    @GetMapping
    ClusterListView list() {
        return new ClusterListView(clusters.findActiveClusters());
    }

    @GetMapping("/{cluster}")
    ClusterView get(@PathVariable String cluster) {
        return clusters.findActiveCluster(cluster).orElseThrow(() -> new ClusterNotFoundException(cluster));
    }

    @ExceptionHandler(ClusterNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ClusterNotFoundException exception, HttpServletRequest request) {
        return NotFoundProblem.of("cluster-not-found", "Cluster not found", exception, request);
    }
}
