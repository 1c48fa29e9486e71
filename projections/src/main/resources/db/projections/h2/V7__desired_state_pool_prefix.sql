-- The pool's prefix length, for the optional units[].networking.prefixLength of the desired-state document
-- (Multus CNIs need the address in CIDR notation). Pools recorded before this column take it from the IP pool
-- read model of the same schema; a pool not there keeps NULL and its units' documents lack the field.
ALTER TABLE desired_state_pool ADD COLUMN prefix_length INTEGER;

UPDATE desired_state_pool p SET prefix_length = (
    SELECT CAST(SUBSTRING(v.cidr, LOCATE('/', v.cidr) + 1) AS INTEGER)
    FROM ip_pool_view v WHERE v.name = p.name AND LOCATE('/', v.cidr) > 0);
