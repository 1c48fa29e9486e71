package io.seamless.command.web;

import io.seamless.domain.common.ProblemKind;
import org.springframework.http.HttpStatus;

/** The one place where a kind of domain refusal becomes an HTTP status. */
final class HttpStatusMapping {

    private HttpStatusMapping() {
    }

    static HttpStatus of(ProblemKind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
    }
}
