package io.seamless.command.web;

import io.seamless.domain.common.DomainException;
import io.seamless.domain.common.ErrorCode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal is an RFC 9457 problem document: a stable {@code type} per kind of problem, a
 * stable {@code title}, a specific {@code detail}, {@code instance} = the request path, and an
 * {@code errorCode} extension. Nothing internal (stack traces, SQL) ever reaches the caller.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final Map<Integer, ProblemTypes> BY_STATUS = Map.of(
            400, ProblemTypes.INVALID_REQUEST, 404, ProblemTypes.NOT_FOUND, 405, ProblemTypes.METHOD_NOT_ALLOWED,
            406, ProblemTypes.NOT_ACCEPTABLE, 413, ProblemTypes.PAYLOAD_TOO_LARGE,
            415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE);

    @ExceptionHandler(DomainException.class)
    ProblemDetail refused(DomainException e, NativeWebRequest request) {
        ErrorCode code = e.errorCode();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusMapping.of(code.kind()), e.getMessage());
        problem.setType(URI.create(ProblemTypes.BASE + code.slug()));
        problem.setTitle(code.title());
        problem.setProperty("errorCode", code.name());
        return withInstance(problem, request);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail conflict(ConcurrencyException e, NativeWebRequest request) {
        LOG.warn("Command gave up after repeated concurrency conflicts: {}", e.getMessage());
        return problem(ProblemTypes.CONCURRENT_MODIFICATION, HttpStatus.CONFLICT,
                "the resource kept changing while this request was applied; retry it", request);
    }

    /** {@code If-Match} named another version than the aggregate has now: nothing was recorded. */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail preconditionFailed(ConflictingAggregateVersionException e, NativeWebRequest request) {
        return problem(ProblemTypes.PRECONDITION_FAILED, HttpStatus.PRECONDITION_FAILED, "the resource is at version "
                + e.getActualVersion() + ", not the version " + e.getExpectedVersion() + " of If-Match; read it again",
                request);
    }

    @ExceptionHandler(AuditMetadataResolver.IllegalHeaderException.class)
    ProblemDetail illegalHeader(AuditMetadataResolver.IllegalHeaderException e, NativeWebRequest request) {
        return problem(ProblemTypes.INVALID_REQUEST, HttpStatus.BAD_REQUEST, e.getMessage(), request);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, NativeWebRequest request) {
        LOG.error("Request {} failed unexpectedly", path(request), e);
        return problem(ProblemTypes.INTERNAL_ERROR, HttpStatus.INTERNAL_SERVER_ERROR,
                "the request could not be completed; nothing was recorded unless a later read shows it", request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::fieldError).toList();
        ProblemDetail problem = problem(ProblemTypes.INVALID_REQUEST, HttpStatus.BAD_REQUEST,
                "the request body has " + errors.size() + " invalid field(s)", (NativeWebRequest) request);
        problem.setProperty("errors", errors);
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    /** Framework-detected problems (malformed JSON, wrong media type, unknown path...): same shape, stable type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemTypes type = e instanceof HttpMessageNotReadableException
                ? ProblemTypes.MALFORMED_REQUEST
                : BY_STATUS.getOrDefault(status.value(), ProblemTypes.INVALID_REQUEST);
        String detail = body instanceof ProblemDetail given && given.getDetail() != null ? given.getDetail() : type.title();
        if (type == ProblemTypes.MALFORMED_REQUEST) {
            detail = MalformedBody.describe(e);
        }
        ProblemDetail problem = problem(type, HttpStatus.valueOf(status.value()), detail, (NativeWebRequest) request);
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }

    private static ProblemDetail problem(ProblemTypes type, HttpStatus status, String detail, NativeWebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        problem.setProperty("errorCode", type.name());
        return withInstance(problem, request);
    }

    private static ProblemDetail withInstance(ProblemDetail problem, NativeWebRequest request) {
        problem.setInstance(URI.create(path(request)));
        return problem;
    }

    private static String path(NativeWebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "/";
    }
}
