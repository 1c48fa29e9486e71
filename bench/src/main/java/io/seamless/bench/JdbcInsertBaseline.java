package io.seamless.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The baseline: what the same PostgreSQL does with the simplest durable write, one ~700-byte row
 * inserted and committed per transaction, from one connection per client.
 */
final class JdbcInsertBaseline {

    private static final String PAYLOAD = "x".repeat(700);

    private JdbcInsertBaseline() {
    }

    static Measurement run(DataSource dataSource, int clients, int perClient) throws Exception {
        try (Connection setup = dataSource.getConnection(); Statement ddl = setup.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS bench_baseline");
            ddl.execute("CREATE TABLE bench_baseline (client INT, n INT, payload TEXT, PRIMARY KEY (client, n))");
        }
        List<Connection> connections = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            connections.add(connection);
        }
        try {
            return ConcurrentDriver.drive("baseline: JDBC insert+commit, " + clients + " connections", clients,
                    perClient, (client, i) -> insert(connections.get(client), client, i));
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private static void insert(Connection connection, int client, int n) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO bench_baseline (client, n, payload) VALUES (?, ?, ?)")) {
            insert.setInt(1, client);
            insert.setInt(2, n);
            insert.setString(3, PAYLOAD);
            insert.executeUpdate();
        }
        connection.commit();
    }
}
