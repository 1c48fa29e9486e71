package io.seamless.command.eventstore;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises the event store's unique (aggregate, sequence) key refusing a second writer, on
 * every database we support, by SQLSTATE 23505 (unique_violation) anywhere in the cause chain.
 * Axon's default resolver compares vendor error codes, which PostgreSQL leaves at 0 and which a
 * batch insert hides behind a BatchUpdateException: the conflict then surfaced as a generic store
 * failure instead of a retryable {@code ConcurrencyException}.
 */
class UniqueViolationResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
