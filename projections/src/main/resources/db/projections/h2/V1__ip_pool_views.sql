-- IP pool read model, folded from the topic seamless.events.ippool. Rebuildable from offset 0:
-- no column holds anything that is not derived from the events (updated_at is the event's ce_time).
-- Strings are unbounded so that no well-formed event can fail on a column length and block the stream.

CREATE TABLE ip_pool_view (
    name          CHARACTER VARYING        NOT NULL,
    cidr          CHARACTER VARYING        NOT NULL,
    gateway       CHARACTER VARYING        NOT NULL,
    excluded      CHARACTER VARYING        NOT NULL,
    vlan          INTEGER,
    cni_mode      CHARACTER VARYING        NOT NULL,
    network       CHARACTER VARYING        NOT NULL,
    capacity      BIGINT                   NOT NULL,
    allocated     BIGINT                   NOT NULL,
    deleted       BOOLEAN                  NOT NULL,
    last_sequence BIGINT                   NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ip_pool_view_pk PRIMARY KEY (name)
);

CREATE TABLE ip_allocation_view (
    pool     CHARACTER VARYING NOT NULL,
    unit     CHARACTER VARYING NOT NULL,
    address  CHARACTER VARYING NOT NULL,
    kind     CHARACTER VARYING NOT NULL,
    sequence BIGINT            NOT NULL,
    CONSTRAINT ip_allocation_view_pk PRIMARY KEY (pool, unit),
    CONSTRAINT ip_allocation_view_address_uk UNIQUE (pool, address),
    CONSTRAINT ip_allocation_view_kind_ck CHECK (kind IN ('allocated', 'reserved'))
);
