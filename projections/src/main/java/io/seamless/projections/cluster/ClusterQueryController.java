package io.seamless.projections.cluster;

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

/** Read-only queries over the cluster read model. A removed cluster is answered like one that never existed. */
@RestController
@ConditionalOnProjectionsRole
@RequestMapping("/api/v1/clusters")
class ClusterQueryController {

    static final URI NOT_FOUND_TYPE = URI.create("https://seamless.io/problems/cluster-not-found");
    static final String NOT_FOUND_TITLE = "Cluster not found";
    static final String NOT_FOUND_CODE = "CLUSTER_NOT_FOUND";

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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
        problem.setType(NOT_FOUND_TYPE);
        problem.setTitle(NOT_FOUND_TITLE);
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("errorCode", NOT_FOUND_CODE);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
