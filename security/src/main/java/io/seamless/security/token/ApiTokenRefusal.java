package io.seamless.security.token;

import java.util.Locale;

/** A token request the server will not carry out, with its stable problem type. */
class ApiTokenRefusal extends RuntimeException {

    enum Kind {
        INVALID_REQUEST(400, "Invalid request"),
        API_TOKEN_NOT_FOUND(404, "API token not found"),
        API_TOKEN_NAME_TAKEN(409, "API token name taken");

        final int status;
        final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }

        String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Kind kind;

    ApiTokenRefusal(Kind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
