package io.seamless.security.token;

import io.seamless.security.Role;
import io.seamless.security.SeamlessSecurityProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;

/** Issues, lists and revokes API tokens. A token's secret is returned once, at issue, and never again. */
class ApiTokenService {

    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final ApiTokenStore store;
    private final ApiTokenVerifier verifier;
    private final SeamlessSecurityProperties.ApiTokens settings;
    private final Clock clock;

    ApiTokenService(ApiTokenStore store, ApiTokenVerifier verifier, SeamlessSecurityProperties.ApiTokens settings,
                    Clock clock) {
        this.store = store;
        this.verifier = verifier;
        this.settings = settings;
        this.clock = clock;
    }

    /** A freshly issued token: its row, and the one time its whole value is known. */
    record Issued(ApiToken token, String value) {
    }

    Issued issue(String name, Set<Role> roles, Instant expiresAt, String issuedBy) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        checkName(name);
        if (roles == null || roles.isEmpty()) {
            throw new ApiTokenRefusal(ApiTokenRefusal.Kind.INVALID_REQUEST, "roles must name at least one role");
        }
        Instant expiry = expiresAt == null ? now.plus(settings.defaultLifetime()) : expiresAt;
        checkExpiry(expiry, now);
        return issueUnchecked(name, EnumSet.copyOf(roles), expiry, issuedBy, null);
    }

    /** Issues without the request checks; {@code value} is a pre-set token (bootstrap) or null for a fresh one. */
    Issued issueUnchecked(String name, Set<Role> roles, Instant expiresAt, String issuedBy, String value) {
        TokenSecrets.Parsed parts = value == null ? TokenSecrets.generate() : TokenSecrets.parse(value)
                .orElseThrow(() -> new IllegalArgumentException("not an API token: slt_<16 base-32>_<43 base64url>"));
        ApiToken token = new ApiToken(parts.id(), name, roles, TokenSecrets.hash(parts.secret()),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), issuedBy, expiresAt.truncatedTo(ChronoUnit.MILLIS),
                null, null);
        try {
            store.insert(token);
        } catch (DuplicateKeyException e) {
            throw new ApiTokenRefusal(ApiTokenRefusal.Kind.API_TOKEN_NAME_TAKEN, "an API token named '" + name
                    + "' was already issued; names are never reused, so that every actor stays unambiguous");
        }
        return new Issued(token, parts.token());
    }

    List<ApiToken> all() {
        return store.all();
    }

    ApiToken find(String id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    /** Revokes it; revoking a revoked token changes nothing. Effective at once in this process. */
    ApiToken revoke(String id, String revokedBy) {
        ApiToken token = find(id);
        store.revoke(token.id(), clock.instant().truncatedTo(ChronoUnit.MILLIS), revokedBy);
        verifier.forget(token.id());
        return find(id);
    }

    Instant now() {
        return clock.instant();
    }

    private void checkName(String name) {
        if (name == null || !DNS_1123_LABEL.matcher(name).matches()) {
            throw new ApiTokenRefusal(ApiTokenRefusal.Kind.INVALID_REQUEST,
                    "name must be a DNS-1123 label: lower-case letters, digits and '-', at most 63 characters");
        }
    }

    private void checkExpiry(Instant expiry, Instant now) {
        if (!expiry.isAfter(now)) {
            throw new ApiTokenRefusal(ApiTokenRefusal.Kind.INVALID_REQUEST, "expiresAt must be in the future");
        }
        if (expiry.isAfter(now.plus(settings.maxLifetime()))) {
            throw new ApiTokenRefusal(ApiTokenRefusal.Kind.INVALID_REQUEST, "expiresAt is more than "
                    + settings.maxLifetime().toDays() + " days away (seamless.security.api-tokens.max-lifetime)");
        }
    }

    private static ApiTokenRefusal notFound(String id) {
        return new ApiTokenRefusal(ApiTokenRefusal.Kind.API_TOKEN_NOT_FOUND, "no API token has the id '" + id + "'");
    }
}
