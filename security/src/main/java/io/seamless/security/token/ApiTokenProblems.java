package io.seamless.security.token;

import io.seamless.security.web.ProblemDocument;
import java.net.URI;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The problem documents of {@code /api/v1/api-tokens}, with the same stable types as the rest of
 * the API; served on its own so that the token endpoints answer alike in every role's process.
 */
@RestControllerAdvice(assignableTypes = ApiTokenController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiTokenProblems extends ResponseEntityExceptionHandler {

    private static final Map<Integer, String> SLUGS = Map.of(400, "invalid-request", 404, "not-found",
            405, "method-not-allowed", 406, "not-acceptable", 413, "payload-too-large", 415, "unsupported-media-type");

    @ExceptionHandler(ApiTokenRefusal.class)
    ProblemDetail refused(ApiTokenRefusal e, WebRequest request) {
        return ProblemDocument.of(e.kind().status, e.kind().slug(), e.kind().title, e.getMessage(), path(request));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        String slug = e instanceof HttpMessageNotReadableException ? "malformed-request"
                : SLUGS.getOrDefault(status.value(), "invalid-request");
        ProblemDetail problem = body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(status);
        ProblemDetail stable = ProblemDocument.of(status.value(), slug, ProblemDocument.title(slug),
                e instanceof HttpMessageNotReadableException ? "the body is not a valid token request: "
                        + "malformed JSON, a wrong type or an unknown field" : problem.getDetail(), path(request));
        return super.handleExceptionInternal(e, stable, headers, status, request);
    }

    private static URI path(WebRequest request) {
        return URI.create(((ServletWebRequest) request).getRequest().getRequestURI());
    }
}
