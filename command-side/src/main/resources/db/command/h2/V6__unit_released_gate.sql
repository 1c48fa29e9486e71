-- A removed unit's address goes back to its pool only once the reactor of its cluster reports that the Unit and its
-- Pod are gone (seamless.service-groups.release-addresses-after=unit-released): never live twice.

-- The cluster whose reactor must report it, and since when the release waits (NULL on rows older than this version).
ALTER TABLE servicegroup_pending_release ADD COLUMN cluster VARCHAR(63);
ALTER TABLE servicegroup_pending_release ADD COLUMN removed_at TIMESTAMP;

-- UNIT_RELEASED as read from seamless.observations, recorded whether or not the group still exists: a fact the
-- address provisioner joins with servicegroup_pending_release, so neither has to be written first. A report
-- recorded before its unit was removed is about an earlier Unit object (deleted by hand, recreated by the reactor):
-- the removal drops it. Gone once the address is released.
CREATE TABLE servicegroup_unit_released (
    unit_id       VARCHAR(253) NOT NULL,
    cluster       VARCHAR(63)  NOT NULL,
    service_group VARCHAR(253) NOT NULL,
    observed_at   TIMESTAMP    NOT NULL,
    PRIMARY KEY (unit_id, cluster)
);
