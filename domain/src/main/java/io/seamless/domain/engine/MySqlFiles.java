package io.seamless.domain.engine;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** What the two MySQL topologies share: their versions and the my.cnf entries of any member. */
final class MySqlFiles {

    /**
     * 8.0 from 8.0.23, where {@code CHANGE REPLICATION SOURCE TO} and CRC32 binlog checksums under
     * Group Replication are both available; 8.4 is the LTS line that removed the old spellings.
     */
    static final Versions VERSIONS = Versions.of(VersionLine.from("8.0", "8.0.23"), VersionLine.of("8.4"));

    static final String DATA_DIR = "/var/lib/mysql";

    private static final int SERVER_ID_BASE = 1000;

    private MySqlFiles() {
    }

    /**
     * [mysqld] of any member: a {@code server_id} unique in the group (the ordinals of a service are
     * never reused), the unit's own address to listen on and to report to replicas and routers, name
     * resolution off (peers are addresses), binary log with GTIDs (both topologies replicate by GTID
     * auto-positioning) and InnoDB as the only engine that can hold data.
     */
    static Settings myCnf(UnitLayout unit, int port) {
        return Settings.ini("my.cnf", "mysqld")
                .put("server_id", SERVER_ID_BASE + unit.ordinal() + 1)
                .put("bind_address", unit.address())
                .put("port", port)
                .put("report_host", unit.address())
                .put("report_port", port)
                .put("datadir", DATA_DIR)
                .put("skip_name_resolve", "ON")
                .put("log_bin", "binlog")
                .put("gtid_mode", "ON")
                .put("enforce_gtid_consistency", "ON")
                .put("disabled_storage_engines", "MyISAM,BLACKHOLE,FEDERATED,ARCHIVE,MEMORY");
    }

    /** The Group Replication group name: a UUID that depends on the group's name only. */
    static String groupReplicationName(String group) {
        return UUID.nameUUIDFromBytes(("seamless/mysql/" + group).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
