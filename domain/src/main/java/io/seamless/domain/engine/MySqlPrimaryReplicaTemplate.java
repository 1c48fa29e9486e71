package io.seamless.domain.engine;

import static io.seamless.domain.engine.FunctionTypes.port;
import static io.seamless.domain.engine.FunctionTypes.stateful;

import java.util.List;

/**
 * MySQL with one primary and asynchronous GTID replicas: {@code mysqld} only.
 *
 * <p>{@code my.cnf} ({@code [mysqld]}): the common member settings of {@link MySqlFiles#myCnf}
 * (unique {@code server_id}, binary log, {@code gtid_mode = ON}, {@code enforce_gtid_consistency =
 * ON}), then {@code read_only} and {@code super_read_only} ON on every member, the initial primary
 * included: a member that restarts never takes writes by itself, the controller makes the current
 * primary writable at run time (so a switchover needs no new file), and {@code skip_replica_start}
 * is left off so a replica resumes replicating after a restart.
 *
 * <p>{@code replication.sql}, on every member but the primary ({@link GroupLayout#primary()}, else the
 * first unit, ordinal 0):
 * {@code CHANGE REPLICATION SOURCE TO} the primary's address and port with {@code
 * SOURCE_AUTO_POSITION = 1} (GTID positioning: no binlog file names to carry), TLS to the source,
 * and retries that outlast a primary restart, then {@code START REPLICA}. The replication account's
 * name and password are set from its Secret by a separate {@code CHANGE REPLICATION SOURCE TO
 * SOURCE_USER, SOURCE_PASSWORD} run before this file; they are never rendered.
 */
final class MySqlPrimaryReplicaTemplate extends AbstractEngineTemplate {

    static final FunctionType MYSQLD = stateful("mysqld", ReplicaRule.between(2, 9), 2, "mysql/mysql-server",
            port("mysql", 3306));

    MySqlPrimaryReplicaTemplate() {
        super("mysql", "primary-replica", MySqlFiles.VERSIONS, ShardRule.NONE, true, List.of(MYSQLD));
    }

    @Override
    protected UnitFiles renderUnit(UnitLayout unit, Peers peers) {
        if (!unit.service().equals(MYSQLD.name())) {
            throw unknownService(unit);
        }
        int port = MYSQLD.port("mysql").number();
        Settings myCnf = MySqlFiles.myCnf(unit, port)
                .put("read_only", "ON")
                .put("super_read_only", "ON");
        UnitLayout primary = peers.primary(MYSQLD.name());
        if (primary.id().equals(unit.id())) {
            return UnitFiles.of(myCnf);
        }
        return UnitFiles.of(myCnf).with(ConfigFile.lines("replication.sql", List.of(
                "-- Replication source of " + unit.id() + ": the primary " + primary.id() + ".",
                "-- The account (SOURCE_USER, SOURCE_PASSWORD) is set from its Secret by a separate statement first.",
                "CHANGE REPLICATION SOURCE TO",
                "  SOURCE_HOST = '" + primary.address() + "',",
                "  SOURCE_PORT = " + port + ",",
                "  SOURCE_AUTO_POSITION = 1,",
                "  SOURCE_SSL = 1,",
                "  SOURCE_CONNECT_RETRY = 10,",
                "  SOURCE_RETRY_COUNT = 8640;",
                "START REPLICA;")));
    }
}
