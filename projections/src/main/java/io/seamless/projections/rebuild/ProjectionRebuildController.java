package io.seamless.projections.rebuild;

import io.seamless.projections.ConditionalOnProjectionsRole;
import io.seamless.projections.rebuild.ProjectionRebuilds.ProjectionStatus;
import io.seamless.projections.rebuild.ProjectionRebuilds.RebuildRunningException;
import io.seamless.projections.rebuild.ProjectionRebuilds.UnknownProjectionException;
import io.seamless.projections.support.NotFoundProblem;
import io.seamless.projections.support.ReadSideProblem;
import io.seamless.security.RequiresRole;
import io.seamless.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilding a read model from offset 0 while the current one keeps serving, then switching over. */
@RestController
@ConditionalOnProjectionsRole
@RequestMapping("/api/v1/admin/projections")
@RequiresRole(Role.ADMIN)
class ProjectionRebuildController {

    private final ProjectionRebuilds rebuilds;

    ProjectionRebuildController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** Items of a list, as every list of the API. */
    record ProjectionList(List<ProjectionStatus> items) {
    }

    @GetMapping
    @Operation(summary = "The projections of this process: current generation, schema, consumer group, last rebuild")
    ProjectionList list() {
        return new ProjectionList(rebuilds.projections());
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Rebuild a projection from offset 0 into fresh tables; the current ones serve until the"
            + " switch. 202 with the progress; 409 while a rebuild of it runs")
    ResponseEntity<RebuildProgress> rebuild(@PathVariable String name) {
        RebuildProgress started = rebuilds.start(name);
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/projections/" + name + "/rebuild"))
                .body(started);
    }

    @GetMapping("/{name}/rebuild")
    @Operation(summary = "Progress of the projection's last rebuild: state, percent, ETA, rows per table")
    RebuildProgress progress(@PathVariable String name) {
        return rebuilds.progress(name).orElseThrow(() -> new UnknownProjectionException(
                "projection '" + name + "' was not rebuilt since this process started"));
    }

    @ExceptionHandler(UnknownProjectionException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownProjectionException exception, HttpServletRequest request) {
        return NotFoundProblem.of("projection-not-found", "Projection or rebuild not found", exception, request);
    }

    @ExceptionHandler(RebuildRunningException.class)
    ResponseEntity<ProblemDetail> running(RebuildRunningException exception, HttpServletRequest request) {
        return ReadSideProblem.of(HttpStatus.CONFLICT, "rebuild-running", "Rebuild already running", exception,
                request);
    }
}
