package io.seamless.command.servicegroup;

import io.seamless.command.servicegroup.ServiceGroupProperties.ReleaseAddressesAfter;
import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reports that a unit's Unit and Pod are gone from its cluster ({@code UNIT_RELEASED}), kept as facts in
 * {@code servicegroup_unit_released} that the {@link AddressProvisioner} joins with the addresses waiting to go back:
 * a report counts whichever of the two is written first, and whether or not the unit's group still exists (a
 * deleted group's observations become no event). Recording one twice records nothing; once the address is
 * released the provisioner forgets the fact. With {@code release-addresses-after=immediately} nothing waits for a
 * report, so none is kept.
 */
public final class UnitReleases {

    private static final Logger log = LoggerFactory.getLogger(UnitReleases.class);

    private final JdbcClient jdbc;
    private final ReleaseAddressesAfter releaseAfter;
    private final Runnable recorded;

    UnitReleases(JdbcClient jdbc, ReleaseAddressesAfter releaseAfter, Runnable recorded) {
        this.jdbc = jdbc;
        this.releaseAfter = releaseAfter;
        this.recorded = recorded;
    }

    /** The reactor of {@code cluster} saw the Unit {@code unit} of {@code group} go, its Pod gone before it. */
    public void released(String cluster, String group, String unit, Instant observedAt) {
        if (releaseAfter != ReleaseAddressesAfter.UNIT_RELEASED) {
            return;
        }
        try {
            int added = jdbc.sql("INSERT INTO servicegroup_unit_released (unit_id, cluster, service_group,"
                            + " observed_at) SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM"
                            + " servicegroup_unit_released WHERE unit_id = ? AND cluster = ?)")
                    .params(unit, cluster, group, Timestamp.from(observedAt), unit, cluster).update();
            if (added == 0) {
                return;
            }
        } catch (DuplicateKeyException concurrently) {
            return;
        }
        log.info("Service group {}: the reactor of cluster {} reports unit {} gone, Unit and Pod", group, cluster,
                unit);
        AfterCommit.run(recorded);
    }
}
