package io.seamless.command.web.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The idempotency keys seen, in the command side's database so that every node behind a load
 * balancer answers a retry the same way. A key is first claimed (a row without a response, so a
 * concurrent retry can tell it is in progress), then completed with the response to replay, or
 * released when the request failed in a way a retry may fix.
 */
class IdempotencyStore {

    /** What a key holds: the request's fingerprint and, once completed, the response. */
    record Entry(String fingerprint, Integer status, String contentType, String location, byte[] body,
                 Instant expiresAt) {

        boolean completed() {
            return status != null;
        }
    }

    private final JdbcClient jdbc;
    private final Duration retention;
    private final Clock clock;

    IdempotencyStore(JdbcClient jdbc, Duration retention, Clock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
    }

    /** Claims the key for this request; empty when claimed, else what the key already holds. */
    Optional<Entry> claim(String key, String fingerprint) {
        Instant now = clock.instant();
        try {
            jdbc.sql("INSERT INTO idempotency_key (idempotency_key, fingerprint, expires_at) VALUES (?, ?, ?)")
                    .params(key, fingerprint, Timestamp.from(now.plus(retention))).update();
            return Optional.empty();
        } catch (DuplicateKeyException e) {
            Optional<Entry> held = find(key);
            if (held.isPresent() && held.get().expiresAt().isBefore(now)) {
                jdbc.sql("DELETE FROM idempotency_key WHERE idempotency_key = ? AND expires_at < ?")
                        .params(key, Timestamp.from(now)).update();
                return claim(key, fingerprint);
            }
            return held.isPresent() ? held : claim(key, fingerprint);
        }
    }

    void complete(String key, int status, String contentType, String location, byte[] body) {
        jdbc.sql("UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, body = ?"
                        + " WHERE idempotency_key = ?")
                .params(status, contentType, location, body, key).update();
    }

    void release(String key) {
        jdbc.sql("DELETE FROM idempotency_key WHERE idempotency_key = ? AND status IS NULL").param(key).update();
    }

    /** Forgets keys past their retention; answers how many. */
    int purgeExpired() {
        return jdbc.sql("DELETE FROM idempotency_key WHERE expires_at < ?").param(Timestamp.from(clock.instant()))
                .update();
    }

    private Optional<Entry> find(String key) {
        return jdbc.sql("SELECT fingerprint, status, content_type, location, body, expires_at FROM idempotency_key"
                        + " WHERE idempotency_key = ?")
                .param(key)
                .query((rs, row) -> new Entry(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getString(4), rs.getBytes(5), rs.getTimestamp(6).toInstant()))
                .optional();
    }
}
