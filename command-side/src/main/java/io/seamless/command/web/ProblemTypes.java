package io.seamless.command.web;

import java.net.URI;
import java.util.Locale;

/**
 * The stable problem types of the API that are not a domain refusal. A type is a contract:
 * clients switch on it (or on {@code errorCode}); never change one once released.
 */
enum ProblemTypes {
    INVALID_REQUEST("Invalid request"),
    MALFORMED_REQUEST("Malformed request body"),
    UNSUPPORTED_MEDIA_TYPE("Unsupported media type"),
    NOT_ACCEPTABLE("Not acceptable"),
    METHOD_NOT_ALLOWED("Method not allowed"),
    PAYLOAD_TOO_LARGE("Payload too large"),
    NOT_FOUND("Not found"),
    CONCURRENT_MODIFICATION("Concurrent modification"),
    PRECONDITION_FAILED("Precondition failed"),
    INTERNAL_ERROR("Internal error");

    static final String BASE = "https://seamless.io/problems/";

    private final String title;

    ProblemTypes(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }

    URI type() {
        return URI.create(BASE + name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
