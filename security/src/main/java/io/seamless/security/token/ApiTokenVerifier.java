package io.seamless.security.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates {@code Authorization: Bearer slt_...}. A token's row is kept for
 * {@code seamless.security.api-tokens.cache-ttl}, so that a busy automation client costs one
 * hash, not one query, per request; a revocation in this process takes effect at once, one made by
 * another process within that time.
 */
public class ApiTokenVerifier implements AuthenticationProvider {

    private static final int MAX_CACHED = 10_000;

    private final ApiTokenStore store;
    private final Duration cacheTtl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(ApiToken token, Instant readAt) {
    }

    ApiTokenVerifier(ApiTokenStore store, Duration cacheTtl, Clock clock) {
        this.store = store;
        this.cacheTtl = cacheTtl;
        this.clock = clock;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String value = ((BearerTokenAuthenticationToken) authentication).getToken();
        TokenSecrets.Parsed parts = TokenSecrets.parse(value)
                .orElseThrow(() -> new InvalidBearerTokenException("the API token is malformed"));
        ApiToken token = lookUp(parts.id())
                .filter(row -> TokenSecrets.matches(parts.secret(), row.secretHash()))
                .orElseThrow(() -> new InvalidBearerTokenException("the API token is unknown"));
        Instant now = clock.instant();
        if (!token.usableAt(now)) {
            throw new InvalidBearerTokenException("the API token '" + token.name() + "' is " + token.state(now));
        }
        return new ApiTokenAuthentication(token);
    }

    void forget(String id) {
        cache.remove(id);
    }

    private Optional<ApiToken> lookUp(String id) {
        Instant now = clock.instant();
        Cached cached = cache.get(id);
        if (cached != null && cached.readAt().plus(cacheTtl).isAfter(now)) {
            return Optional.of(cached.token());
        }
        Optional<ApiToken> token = store.find(id);
        if (token.isPresent()) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(id, new Cached(token.get(), now));
        }
        return token;
    }
}
