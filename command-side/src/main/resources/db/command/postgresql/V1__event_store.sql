-- Axon's JDBC event store, token store and snapshots (column names of Axon's default EventSchema and TokenSchema).
-- PostgreSQL: bytea columns (no large objects) and a BIGSERIAL global index of increment 1.
-- The global index is an identity column of increment 1: the streaming processors read the store in that order.
CREATE TABLE domain_event_entry (
    global_index         BIGSERIAL PRIMARY KEY,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA         NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    -- the per-aggregate optimistic concurrency check: two writers can never both append sequence n
    CONSTRAINT uk_domain_event_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT uk_domain_event_identifier UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA         NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT uk_snapshot_event_identifier UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- Set-based validation of pools (names, overlapping ranges), kept in the same transaction as the events.
CREATE TABLE ip_pool_registry (
    name          VARCHAR(63)  NOT NULL PRIMARY KEY,
    network       VARCHAR(253) NOT NULL,
    cidr          VARCHAR(18)  NOT NULL,
    first_address BIGINT       NOT NULL,
    last_address  BIGINT       NOT NULL,
    deleted       BOOLEAN      NOT NULL DEFAULT FALSE
);

-- One row, locked by every pool creation so that two concurrent creations cannot both pass the overlap check.
CREATE TABLE ip_pool_creation_lock (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO ip_pool_creation_lock (id) VALUES (1);
