package io.seamless.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gap query returns the gaps and the next range, in index order, on H2 and on PostgreSQL alike. */
class GapAwareUnionQueryTest {

    private static EmbeddedPostgres postgres;
    private final EventSchema schema = new EventStoreConfiguration().eventSchema();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void readsGapsAndTheNextRangeOnH2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:gaps;DB_CLOSE_DELAY=-1");
        assertThat(readAfter(migrated(h2))).containsExactly(2L, 4L, 6L, 7L, 8L);
    }

    @Test
    void readsGapsAndTheNextRangeOnPostgres() throws Exception {
        assertThat(readAfter(migrated(postgres.getPostgresDatabase()))).containsExactly(2L, 4L, 6L, 7L, 8L);
    }

    /** Events 1..10 stored; the token stands at 5 with 2 and 4 still open: read 3 past the token plus the gaps. */
    private List<Long> readAfter(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            for (long index = 1; index <= 10; index++) {
                insert(connection, index);
            }
            List<Long> read = new ArrayList<>();
            try (PreparedStatement query = new GapAwareUnionQuery().build(connection, schema, 5, 3, List.of(2L, 4L));
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    read.add(rows.getLong("global_index"));
                }
            }
            return read;
        }
    }

    private static DataSource migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/command/" + EventStoreConfiguration.vendor(dataSource)).load().migrate();
        return dataSource;
    }

    private static void insert(Connection connection, long index) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (global_index,"
                + " aggregate_identifier, sequence_number, type, event_identifier, payload, payload_type, time_stamp)"
                + " VALUES (?, 'gap-test', ?, 'IpPool', ?, ?, 'x', '2026-01-01T00:00:00Z')")) {
            insert.setLong(1, index);
            insert.setLong(2, index);
            insert.setString(3, "event-" + index);
            insert.setBytes(4, new byte[] {'{', '}'});
            insert.executeUpdate();
        }
    }
}
