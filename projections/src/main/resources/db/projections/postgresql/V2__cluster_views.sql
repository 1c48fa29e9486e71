-- Cluster read model, folded from the topic seamless.events.cluster. Rebuildable from offset 0:
-- no column holds anything that is not derived from the events (updated_at is the event's ce_time).
-- Strings are TEXT so that no well-formed event can fail on a column length and block the stream.
-- cpu, memory and storage are the canonical Kubernetes quantities of the events, as published.

CREATE TABLE cluster_view (
    name          TEXT        NOT NULL,
    site          TEXT        NOT NULL,
    zone          TEXT        NOT NULL,
    labels        TEXT        NOT NULL,
    cpu           TEXT        NOT NULL,
    memory        TEXT        NOT NULL,
    storage       TEXT        NOT NULL,
    ip_pools      TEXT        NOT NULL,
    cordoned      BOOLEAN     NOT NULL,
    removed       BOOLEAN     NOT NULL,
    last_sequence BIGINT      NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT cluster_view_pk PRIMARY KEY (name)
);
