-- Service group read model and desired-state documents, folded by one consumer from the topics
-- seamless.events.servicegroup, seamless.events.ippool and seamless.events.cluster. Rebuildable from
-- offset 0: every column derives from the events (times are the events' ce_time), except
-- desired_state_publication, which records what was last published to seamless.desired-state.
-- Strings (JSON included) are TEXT so that no well-formed event can fail on a column length and block
-- the stream.

CREATE TABLE service_group_view (
    name           TEXT        NOT NULL,
    engine         TEXT        NOT NULL,
    topology       TEXT        NOT NULL,
    engine_version TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    unit_count     INTEGER     NOT NULL,
    deleted        BOOLEAN     NOT NULL,
    state          TEXT        NOT NULL,
    last_sequence  BIGINT      NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT service_group_view_pk PRIMARY KEY (name)
);

CREATE TABLE service_group_operation_view (
    group_name   TEXT        NOT NULL,
    operation_id TEXT        NOT NULL,
    type         TEXT        NOT NULL,
    state        TEXT        NOT NULL,
    reason       TEXT,
    accepted_at  TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ,
    sequences    TEXT        NOT NULL,
    CONSTRAINT service_group_operation_view_pk PRIMARY KEY (group_name, operation_id)
);

-- The current document of each group: document NULL with document_hash 'tombstone' once the group is
-- deleted; document_hash NULL while no document could be rendered yet (render_error says why).
CREATE TABLE desired_state_document (
    group_name    TEXT   NOT NULL,
    doc_version   BIGINT NOT NULL,
    document      TEXT,
    document_hash TEXT,
    render_error  TEXT,
    CONSTRAINT desired_state_document_pk PRIMARY KEY (group_name)
);

-- The hash of the document (or tombstone) last acknowledged by Kafka, written by the publisher only.
CREATE TABLE desired_state_publication (
    group_name     TEXT NOT NULL,
    published_hash TEXT NOT NULL,
    CONSTRAINT desired_state_publication_pk PRIMARY KEY (group_name)
);

CREATE TABLE desired_state_pool (
    name     TEXT NOT NULL,
    cni_mode TEXT NOT NULL,
    network  TEXT NOT NULL,
    CONSTRAINT desired_state_pool_pk PRIMARY KEY (name)
);

CREATE TABLE desired_state_cluster (
    name TEXT NOT NULL,
    site TEXT NOT NULL,
    zone TEXT NOT NULL,
    CONSTRAINT desired_state_cluster_pk PRIMARY KEY (name)
);

-- Which groups use which pool or cluster: the groups to render again when that pool or cluster arrives.
CREATE TABLE desired_state_reference (
    kind       TEXT NOT NULL,
    name       TEXT NOT NULL,
    group_name TEXT NOT NULL,
    CONSTRAINT desired_state_reference_pk PRIMARY KEY (kind, name, group_name),
    CONSTRAINT desired_state_reference_kind_ck CHECK (kind IN ('pool', 'cluster'))
);
CREATE INDEX desired_state_reference_group_ix ON desired_state_reference (group_name);
