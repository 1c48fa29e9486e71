-- API tokens of service accounts (io.seamless.security.token). The secret itself is never stored:
-- secret_hash is the SHA-256 of the token's secret part, which carries 256 random bits, so a
-- slow password hash would buy nothing and cost every request. Revoked tokens stay, so that the
-- name behind an event's actor (apitoken:<name>) can always be looked up.
CREATE TABLE api_token (
    id          VARCHAR(32)              NOT NULL PRIMARY KEY,
    name        VARCHAR(63)              NOT NULL,
    roles       VARCHAR(255)             NOT NULL,
    secret_hash CHAR(64)                 NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(255)             NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    revoked_by  VARCHAR(255),
    CONSTRAINT uq_api_token_name UNIQUE (name)
);
