package io.seamless.command.web.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The idempotency store on a real PostgreSQL, with the table of the PostgreSQL migration. */
class IdempotencyStorePostgresTest {

    private static EmbeddedPostgres postgres;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = JdbcClient.create(postgres.getPostgresDatabase());
        jdbc.sql(Files.readString(Path.of("src/main/resources/db/command/postgresql/V4__idempotency_keys.sql")))
                .update();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void claimsOnceThenHoldsTheAnswerUntilItExpires() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        IdempotencyStore store = new IdempotencyStore(jdbc, Duration.ofHours(24), clock);
        assertThat(store.claim("k-1", "f".repeat(64))).isEmpty();
        Optional<IdempotencyStore.Entry> inProgress = store.claim("k-1", "f".repeat(64));
        assertThat(inProgress).hasValueSatisfying(entry -> assertThat(entry.completed()).isFalse());

        store.complete("k-1", 201, "application/json", "/api/v1/ip-pools/a", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(store.claim("k-1", "f".repeat(64))).hasValueSatisfying(entry -> {
            assertThat(entry.status()).isEqualTo(201);
            assertThat(entry.location()).isEqualTo("/api/v1/ip-pools/a");
            assertThat(new String(entry.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
        });

        clock.now = clock.now.plus(Duration.ofHours(25));
        assertThat(store.claim("k-1", "e".repeat(64))).as("an expired key is claimed anew").isEmpty();
        assertThat(store.purgeExpired()).isZero();
    }

    @Test
    void releasesAClaimThatGotNoAnswerAndPurgesExpiredKeys() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        IdempotencyStore store = new IdempotencyStore(jdbc, Duration.ofMinutes(5), clock);
        assertThat(store.claim("k-2", "a".repeat(64))).isEmpty();
        store.release("k-2");
        assertThat(store.claim("k-2", "b".repeat(64))).as("released: free again").isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertThat(store.purgeExpired()).isGreaterThanOrEqualTo(1);
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
