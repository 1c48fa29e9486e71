-- Signed audit digests (io.seamless.command.audit.digest). audit_digest_head: the newest head of every chain
-- that moved since the last digest, kept by a tracking processor in step with the event store. audit_digest:
-- every digest as signed and published (an outbox: published turns true once Kafka acknowledged it).
CREATE TABLE audit_digest_head (
    topic          VARCHAR(255) NOT NULL,
    subject        VARCHAR(255) NOT NULL,
    event_sequence BIGINT       NOT NULL,
    event_hash     CHAR(64)     NOT NULL,
    PRIMARY KEY (topic, subject)
);
CREATE TABLE audit_digest (
    digest_sequence BIGINT       NOT NULL PRIMARY KEY,
    digest_hash     CHAR(64)     NOT NULL,
    document        TEXT         NOT NULL,
    published       BOOLEAN      NOT NULL
);
-- The heads each digest covers, to find the newest digest that vouches for a given aggregate.
CREATE TABLE audit_digest_entry (
    digest_sequence BIGINT       NOT NULL,
    topic           VARCHAR(255) NOT NULL,
    subject         VARCHAR(255) NOT NULL,
    event_sequence  BIGINT       NOT NULL,
    PRIMARY KEY (digest_sequence, topic, subject)
);
CREATE INDEX ix_audit_digest_entry_subject ON audit_digest_entry (topic, subject, digest_sequence);
