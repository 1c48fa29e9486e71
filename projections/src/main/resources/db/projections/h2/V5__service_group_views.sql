-- Service group read model and desired-state documents, folded by one consumer from the topics
-- seamless.events.servicegroup, seamless.events.ippool and seamless.events.cluster. Rebuildable from
-- offset 0: every column derives from the events (times are the events' ce_time), except
-- desired_state_publication, which records what was last published to seamless.desired-state.
-- Strings are unbounded so that no well-formed event can fail on a column length and block the stream;
-- JSON that grows with the group (state, document) is a character large object.

CREATE TABLE service_group_view (
    name           CHARACTER VARYING        NOT NULL,
    engine         CHARACTER VARYING        NOT NULL,
    topology       CHARACTER VARYING        NOT NULL,
    engine_version CHARACTER VARYING        NOT NULL,
    status         CHARACTER VARYING        NOT NULL,
    unit_count     INTEGER                  NOT NULL,
    deleted        BOOLEAN                  NOT NULL,
    state          CHARACTER LARGE OBJECT   NOT NULL,
    last_sequence  BIGINT                   NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT service_group_view_pk PRIMARY KEY (name)
);

CREATE TABLE service_group_operation_view (
    group_name   CHARACTER VARYING        NOT NULL,
    operation_id CHARACTER VARYING        NOT NULL,
    type         CHARACTER VARYING        NOT NULL,
    state        CHARACTER VARYING        NOT NULL,
    reason       CHARACTER VARYING,
    accepted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    sequences    CHARACTER VARYING        NOT NULL,
    CONSTRAINT service_group_operation_view_pk PRIMARY KEY (group_name, operation_id)
);

-- The current document of each group: document NULL with document_hash 'tombstone' once the group is
-- deleted; document_hash NULL while no document could be rendered yet (render_error says why).
CREATE TABLE desired_state_document (
    group_name    CHARACTER VARYING      NOT NULL,
    doc_version   BIGINT                 NOT NULL,
    document      CHARACTER LARGE OBJECT,
    document_hash CHARACTER VARYING,
    render_error  CHARACTER VARYING,
    CONSTRAINT desired_state_document_pk PRIMARY KEY (group_name)
);

-- The hash of the document (or tombstone) last acknowledged by Kafka, written by the publisher only.
CREATE TABLE desired_state_publication (
    group_name     CHARACTER VARYING NOT NULL,
    published_hash CHARACTER VARYING NOT NULL,
    CONSTRAINT desired_state_publication_pk PRIMARY KEY (group_name)
);

CREATE TABLE desired_state_pool (
    name     CHARACTER VARYING NOT NULL,
    cni_mode CHARACTER VARYING NOT NULL,
    network  CHARACTER VARYING NOT NULL,
    CONSTRAINT desired_state_pool_pk PRIMARY KEY (name)
);

CREATE TABLE desired_state_cluster (
    name CHARACTER VARYING NOT NULL,
    site CHARACTER VARYING NOT NULL,
    zone CHARACTER VARYING NOT NULL,
    CONSTRAINT desired_state_cluster_pk PRIMARY KEY (name)
);

-- Which groups use which pool or cluster: the groups to render again when that pool or cluster arrives.
CREATE TABLE desired_state_reference (
    kind       CHARACTER VARYING NOT NULL,
    name       CHARACTER VARYING NOT NULL,
    group_name CHARACTER VARYING NOT NULL,
    CONSTRAINT desired_state_reference_pk PRIMARY KEY (kind, name, group_name),
    CONSTRAINT desired_state_reference_kind_ck CHECK (kind IN ('pool', 'cluster'))
);
CREATE INDEX desired_state_reference_group_ix ON desired_state_reference (group_name);
