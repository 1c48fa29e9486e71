package io.seamless.security.token;

import io.seamless.security.Role;
import java.time.Instant;
import java.util.Set;

/**
 * An API token as the server keeps it: who it stands for ({@code name}), what it may do, and its
 * life. The secret is only ever held as {@code secretHash}.
 */
record ApiToken(String id, String name, Set<Role> roles, String secretHash, Instant createdAt, String createdBy,
                Instant expiresAt, Instant revokedAt, String revokedBy) {

    /** The actor recorded on every event this token causes. */
    static String actorOf(String name) {
        return "apitoken:" + name;
    }

    boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    String state(Instant now) {
        if (revokedAt != null) {
            return "revoked";
        }
        return now.isBefore(expiresAt) ? "active" : "expired";
    }
}
