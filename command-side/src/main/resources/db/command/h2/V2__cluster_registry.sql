-- Clusters as the command side needs them: set-based checks (removal only when a cluster hosts no unit) and
-- placement (capacity, what placed units use, cordoned or not). Written by a subscribing event handler in the
-- transaction that records the cluster's events, so it never disagrees with the event store.
-- Quantities are exact integers: CPU in millicores, memory and storage in bytes.
CREATE TABLE cluster_registry (
    name          VARCHAR(63)       NOT NULL PRIMARY KEY,
    site          VARCHAR(63)       NOT NULL,
    zone          VARCHAR(63)       NOT NULL,
    -- JSON object of Kubernetes labels, sorted by key
    labels        CHARACTER VARYING NOT NULL,
    cpu_millis    BIGINT            NOT NULL,
    memory_bytes  BIGINT            NOT NULL,
    storage_bytes BIGINT            NOT NULL,
    -- JSON array of IP pool names, sorted
    ip_pools      CHARACTER VARYING NOT NULL,
    cordoned      BOOLEAN           NOT NULL DEFAULT FALSE,
    -- a removed cluster keeps its row: its name is not reused and units never point to a missing cluster
    removed       BOOLEAN           NOT NULL DEFAULT FALSE
);

-- One row per unit placed on a cluster, with what it asks of the cluster; filled by the service group work in the
-- transaction that places (or removes) the unit, under the cluster's registry row lock.
CREATE TABLE cluster_unit (
    cluster       VARCHAR(63)  NOT NULL,
    unit_id       VARCHAR(253) NOT NULL PRIMARY KEY,
    service_group VARCHAR(253) NOT NULL,
    cpu_millis    BIGINT       NOT NULL,
    memory_bytes  BIGINT       NOT NULL,
    storage_bytes BIGINT       NOT NULL,
    CONSTRAINT fk_cluster_unit_cluster FOREIGN KEY (cluster) REFERENCES cluster_registry (name),
    CONSTRAINT ck_cluster_unit_quantities CHECK (cpu_millis >= 0 AND memory_bytes >= 0 AND storage_bytes >= 0)
);
CREATE INDEX ix_cluster_unit_cluster ON cluster_unit (cluster);
