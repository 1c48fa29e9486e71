package io.seamless.projections.servicegroup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamless.projections.ConditionalOnProjectionsRole;
import io.seamless.projections.history.DocumentDiff;
import io.seamless.projections.servicegroup.DesiredStateRepository.HistoricalDocument;
import io.seamless.projections.support.NotFoundProblem;
import io.seamless.security.RequiresRole;
import io.seamless.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Time travel: a service group's desired state exactly as it was at an instant or a version (the document as
 * it was published then, byte for byte), and what changed between two versions, field by field.
 */
@RestController
@ConditionalOnProjectionsRole
@RequestMapping("/api/v1/service-groups")
class DesiredStateHistoryController {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DesiredStateRepository documents;

    DesiredStateHistoryController(DesiredStateRepository documents) {
        this.documents = documents;
    }

    /** What changed from one version to another. */
    record Diff(String group, long from, long to, List<DocumentDiff.Change> changes) {
    }

    @GetMapping(path = "/{name}", params = "asOf")
    @RequiresRole(Role.VIEWER)
    @Operation(summary = "The group's desired state as it was at an instant (RFC 3339)")
    ResponseEntity<String> asOf(@PathVariable String name, @RequestParam Instant asOf) {
        return answer(name, documents.documentAsOf(name, asOf)
                .orElseThrow(() -> new NoHistoryException("service group '" + name + "' had no desired state at "
                        + asOf)));
    }

    @GetMapping(path = "/{name}", params = "version")
    @RequiresRole(Role.VIEWER)
    @Operation(summary = "The group's desired state as it was at a version (the last document of that version)")
    ResponseEntity<String> atVersion(@PathVariable String name, @RequestParam long version) {
        return answer(name, at(name, version));
    }

    @GetMapping("/{name}/diff")
    @RequiresRole(Role.AUDITOR)
    @Operation(summary = "What changed in the group's desired state between two versions, field by field")
    Diff diff(@PathVariable String name, @RequestParam long from, @RequestParam long to) {
        return new Diff(name, from, to, DocumentDiff.between(parse(at(name, from)), parse(at(name, to))));
    }

    @ExceptionHandler(NoHistoryException.class)
    ResponseEntity<ProblemDetail> noHistory(NoHistoryException exception, HttpServletRequest request) {
        return NotFoundProblem.of("desired-state-not-found", "Desired state not found", exception, request);
    }

    private HistoricalDocument at(String name, long version) {
        return documents.documentAt(name, version).orElseThrow(() -> new NoHistoryException(
                "service group '" + name + "' had no desired state at version " + version));
    }

    private static ResponseEntity<String> answer(String name, HistoricalDocument document) {
        if (document.document() == null) {
            throw new NoHistoryException("service group '" + name + "' was deleted then (at "
                    + document.validFrom() + ", version " + document.version() + ")");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag("\"" + document.hash() + "\"")
                .header("Seamless-Valid-From", document.validFrom().toString())
                .body(document.document());
    }

    private static JsonNode parse(HistoricalDocument document) {
        if (document.document() == null) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(document.document());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored desired-state document is not JSON", e);
        }
    }

    /** No document at that time or version: never rendered yet, or the group was deleted then. */
    static final class NoHistoryException extends RuntimeException {
        NoHistoryException(String message) {
            super(message);
        }
    }
}
