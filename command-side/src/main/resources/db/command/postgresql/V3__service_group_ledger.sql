-- The command side's service-group ledger (ServiceGroupLedger), written in the transaction that records the
-- group's events: which service and pool each placed unit belongs to, and the address provisioner's work list.
ALTER TABLE cluster_unit ADD COLUMN service VARCHAR(63);
ALTER TABLE cluster_unit ADD COLUMN ip_pool VARCHAR(63);
CREATE INDEX ix_cluster_unit_group_service ON cluster_unit (service_group, service);

-- Units of an operation that wait for an address; gone once the addresses are assigned or the operation failed.
CREATE TABLE servicegroup_pending_address (
    operation_id  VARCHAR(64)  NOT NULL,
    service_group VARCHAR(63)  NOT NULL,
    unit_id       VARCHAR(253) NOT NULL,
    ip_pool       VARCHAR(63)  NOT NULL,
    PRIMARY KEY (operation_id, unit_id)
);

-- Addresses of removed units still to be given back to their pools; gone once released.
CREATE TABLE servicegroup_pending_release (
    unit_id       VARCHAR(253) NOT NULL PRIMARY KEY,
    ip_pool       VARCHAR(63)  NOT NULL,
    service_group VARCHAR(63)  NOT NULL
);
