package io.seamless.security.web;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * The two ways in: a bearer token that starts with {@code slt_} is an API token, anything else a
 * JWT. Each goes to the one provider for it, so the refusal names the right reason.
 */
public class BearerTokens implements AuthenticationManager {

    private final AuthenticationProvider apiTokens;
    private final AuthenticationProvider jwts;

    /** Either may be null: that way in is switched off. */
    public BearerTokens(AuthenticationProvider apiTokens, AuthenticationProvider jwts) {
        if (apiTokens == null && jwts == null) {
            throw new IllegalStateException("No way to authenticate: API tokens are disabled"
                    + " (seamless.security.api-tokens.enabled=false) and no JWT issuer is configured"
                    + " (spring.security.oauth2.resourceserver.jwt.issuer-uri or jwk-set-uri). This server never"
                    + " accepts anonymous writes, so it will not start like this.");
        }
        this.apiTokens = apiTokens;
        this.jwts = jwts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (token.startsWith("slt_")) {
            if (apiTokens == null) {
                throw new InvalidBearerTokenException("API tokens are disabled on this server");
            }
            return apiTokens.authenticate(authentication);
        }
        if (jwts == null) {
            throw new InvalidBearerTokenException("not an API token (slt_...), and this server accepts no JWTs");
        }
        return jwts.authenticate(authentication);
    }
}
