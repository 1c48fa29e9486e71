package io.seamless.projections.history;

import io.seamless.projections.ConditionalOnProjectionsRole;
import io.seamless.projections.support.NotFoundProblem;
import io.seamless.security.RequiresRole;
import io.seamless.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Timelines for auditors: every event of a database (its own, and its units' address allocations and
 * releases), and every event of one address of a pool ("who held 10.20.3.7 on the 3rd?"). Oldest first, paged
 * with the opaque cursor {@code next}; filtered by time range, event type and actor.
 */
@RestController
@ConditionalOnProjectionsRole
@RequiresRole(Role.AUDITOR)
class HistoryQueryController {

    private final HistoryRepository history;

    HistoryQueryController(HistoryRepository history) {
        this.history = history;
    }

    /** A page of a timeline; {@code next} is the {@code after} of the next page, absent after the last. */
    record Timeline(List<HistoryEntry> items, String next) {
        static Timeline of(HistoryRepository.Page page) {
            return new Timeline(page.items(), page.next() == null ? null : page.next().toString());
        }
    }

    @GetMapping("/api/v1/service-groups/{name}/history")
    @Operation(summary = "Every event of a service group and of its units' addresses, with actor, reason, ticket,"
            + " correlation id and hash")
    Timeline serviceGroup(@PathVariable String name, @RequestParam(required = false) Instant from,
                          @RequestParam(required = false) Instant to, @RequestParam(required = false) String type,
                          @RequestParam(required = false) String actor,
                          @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) Long after) {
        if (!history.anyFor(HistoryRepository.SERVICE_GROUP_TOPIC, name)) {
            throw new UnknownHistoryException("service group '" + name + "' has no history");
        }
        return Timeline.of(history.serviceGroup(name, query(from, to, type, actor, limit, after)));
    }

    @GetMapping("/api/v1/ip-pools/{pool}/addresses/{address}/history")
    @Operation(summary = "Every allocation, reservation and release of one address of a pool")
    Timeline address(@PathVariable String pool, @PathVariable String address,
                     @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                     @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) Long after) {
        if (!history.anyFor(HistoryRepository.IP_POOL_TOPIC, pool)) {
            throw new UnknownHistoryException("IP pool '" + pool + "' has no history");
        }
        return Timeline.of(history.address(pool, address, query(from, to, null, null, limit, after)));
    }

    @ExceptionHandler(UnknownHistoryException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownHistoryException exception, HttpServletRequest request) {
        return NotFoundProblem.of("history-not-found", "History not found", exception, request);
    }

    private static HistoryQuery query(Instant from, Instant to, String type, String actor, int limit, Long after) {
        return new HistoryQuery(from, to, type, actor, Math.max(1, Math.min(limit, HistoryQuery.MAX_LIMIT)), after);
    }

    /** Nothing was ever recorded under that name. */
    static final class UnknownHistoryException extends RuntimeException {
        UnknownHistoryException(String message) {
            super(message);
        }
    }
}
