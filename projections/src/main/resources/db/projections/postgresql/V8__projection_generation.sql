-- The generation each projection currently reads and writes: a rebuild replays the topics into a fresh schema
-- (generation n + 1) under a fresh consumer group, then switches the projection over by updating this row. A
-- projection without a row is at generation 0: default schema, configured consumer group.
CREATE TABLE projection_generation (
    projection      VARCHAR(64)  PRIMARY KEY,
    generation      INTEGER      NOT NULL,
    schema_name     VARCHAR(128) NOT NULL,
    group_id        VARCHAR(255) NOT NULL,
    previous_schema VARCHAR(128),
    switched_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
