package io.seamless.projections.servicegroup;

import io.seamless.projections.ConditionalOnProjectionsRole;
import io.seamless.projections.servicegroup.DesiredStateRepository.StoredDocument;
import io.seamless.projections.servicegroup.ServiceGroupViews.Detail;
import io.seamless.projections.servicegroup.ServiceGroupViews.ListView;
import io.seamless.projections.support.NotFoundProblem;
import io.seamless.security.RequiresRole;
import io.seamless.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only queries over the service group read model and the desired-state documents. A deleted group is
 * answered like one that never existed, except for its operations: the progress of the delete itself, and of
 * any earlier operation, stays readable.
 */
@RestController
@ConditionalOnProjectionsRole
@RequestMapping("/api/v1/service-groups")
@RequiresRole(Role.VIEWER)
class ServiceGroupQueryController {

    private final ServiceGroupRepository groups;
    private final DesiredStateRepository documents;

    ServiceGroupQueryController(ServiceGroupRepository groups, DesiredStateRepository documents) {
        this.groups = groups;
        this.documents = documents;
    }

    @GetMapping
    ListView list() {
        return new ListView(groups.findActiveGroups());
    }

    @GetMapping("/{name}")
    Detail get(@PathVariable String name) {
        return groups.findActiveGroup(name).orElseThrow(() -> new ServiceGroupNotFoundException(name));
    }

    /** The document as stored and published, byte for byte; its ETag is the document's SHA-256. */
    @GetMapping("/{name}/desired-state")
    ResponseEntity<String> desiredState(@PathVariable String name) {
        if (!groups.isActive(name)) {
            throw new ServiceGroupNotFoundException(name);
        }
        StoredDocument document = documents.findDocument(name).filter(stored -> stored.document() != null)
                .orElseThrow(() -> new DesiredStateNotRenderedException(name, documents.findDocument(name)
                        .map(StoredDocument::renderError).orElse("nothing rendered yet")));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .eTag("\"" + document.hash() + "\"")
                .body(document.document());
    }

    @GetMapping("/{name}/operations/{operationId}")
    OperationView operation(@PathVariable String name, @PathVariable String operationId) {
        return groups.findOperation(name, operationId).orElseThrow(() -> groups.isActive(name)
                ? new OperationNotFoundException(name, operationId)
                : new ServiceGroupNotFoundException(name));
    }

    @ExceptionHandler(ServiceGroupNotFoundException.class)
    ResponseEntity<ProblemDetail> groupNotFound(ServiceGroupNotFoundException exception, HttpServletRequest request) {
        return NotFoundProblem.of("service-group-not-found", "Service group not found", exception, request);
    }

    @ExceptionHandler(OperationNotFoundException.class)
    ResponseEntity<ProblemDetail> operationNotFound(OperationNotFoundException exception,
                                                    HttpServletRequest request) {
        return NotFoundProblem.of("operation-not-found", "Operation not found", exception, request);
    }

    @ExceptionHandler(DesiredStateNotRenderedException.class)
    ResponseEntity<ProblemDetail> notRendered(DesiredStateNotRenderedException exception,
                                              HttpServletRequest request) {
        return NotFoundProblem.of("desired-state-not-rendered", "Desired state not rendered", exception, request);
    }

}
