package io.seamless.projections.support;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A problem document of the read side, the same shape as the command side's: {@code type}
 * {@code https://seamless.io/problems/<slug>}, a stable title, the request path as {@code instance}
 * and the slug in upper snake case as {@code errorCode}.
 */
public final class ReadSideProblem {

    private static final String PROBLEMS = "https://seamless.io/problems/";

    private ReadSideProblem() {
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String slug, String title,
                                                   RuntimeException exception, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, exception.getMessage());
        problem.setType(URI.create(PROBLEMS + slug));
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("errorCode", slug.toUpperCase(Locale.ROOT).replace('-', '_'));
        return ResponseEntity.status(status).body(problem);
    }
}
