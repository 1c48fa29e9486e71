package io.seamless.projections.support;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The 404 problem document of the read side (see {@link ReadSideProblem}). */
public final class NotFoundProblem {

    private NotFoundProblem() {
    }

    public static ResponseEntity<ProblemDetail> of(String slug, String title, RuntimeException exception,
                                                   HttpServletRequest request) {
        return ReadSideProblem.of(HttpStatus.NOT_FOUND, slug, title, exception, request);
    }
}
