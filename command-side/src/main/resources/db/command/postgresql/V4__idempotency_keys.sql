-- Idempotency-Key of the API's writes (IdempotencyFilter): the request's fingerprint (SHA-256 of method, path and
-- body) and, once handled, the answer to replay. status IS NULL: the first request is still being handled.
CREATE TABLE idempotency_key (
    idempotency_key VARCHAR(255) NOT NULL PRIMARY KEY,
    fingerprint     CHAR(64)     NOT NULL,
    status          INTEGER,
    content_type    VARCHAR(255),
    location        VARCHAR(2048),
    body            BYTEA,
    expires_at      TIMESTAMP    NOT NULL
);
CREATE INDEX ix_idempotency_key_expires ON idempotency_key (expires_at);
