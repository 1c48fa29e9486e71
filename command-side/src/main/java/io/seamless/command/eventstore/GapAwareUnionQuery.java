package io.seamless.command.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;

/**
 * How a streaming processor reads the next events when its token has gaps (global indexes that
 * were handed out but not yet committed when it last read). Axon's default is
 * {@code (index > ? AND index <= ?) OR index IN (gaps)}, for which H2 gives up its index and scans
 * the whole event table on every read; as two range/point reads joined by UNION ALL, both H2 and
 * PostgreSQL use the primary key. The two parts are disjoint: gaps lie at or below the token's index.
 */
final class GapAwareUnionQuery implements ReadEventDataWithGapsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, long globalIndex, int batchSize,
                                   List<Long> gaps) throws SQLException {
        String index = schema.globalIndexColumn();
        String select = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE ";
        String sql = "SELECT * FROM (" + select + index + " > ? AND " + index + " <= ? UNION ALL "
                + select + index + " IN (" + String.join(",", Collections.nCopies(gaps.size(), "?")) + ")) "
                + "tracked ORDER BY " + index + " ASC";
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 3, gaps.get(i));
        }
        return statement;
    }
}
