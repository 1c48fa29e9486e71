-- Cluster read model, folded from the topic seamless.events.cluster. Rebuildable from offset 0:
-- no column holds anything that is not derived from the events (updated_at is the event's ce_time).
-- Strings are unbounded so that no well-formed event can fail on a column length and block the stream.
-- cpu, memory and storage are the canonical Kubernetes quantities of the events, as published.

CREATE TABLE cluster_view (
    name          CHARACTER VARYING        NOT NULL,
    site          CHARACTER VARYING        NOT NULL,
    zone          CHARACTER VARYING        NOT NULL,
    labels        CHARACTER VARYING        NOT NULL,
    cpu           CHARACTER VARYING        NOT NULL,
    memory        CHARACTER VARYING        NOT NULL,
    storage       CHARACTER VARYING        NOT NULL,
    ip_pools      CHARACTER VARYING        NOT NULL,
    cordoned      BOOLEAN                  NOT NULL,
    removed       BOOLEAN                  NOT NULL,
    last_sequence BIGINT                   NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT cluster_view_pk PRIMARY KEY (name)
);
