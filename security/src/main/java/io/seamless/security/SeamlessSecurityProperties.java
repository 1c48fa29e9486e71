package io.seamless.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code seamless.security.*}. OIDC/JWT itself is configured with Spring Boot's own
 * {@code spring.security.oauth2.resourceserver.jwt.*} (issuer-uri or jwk-set-uri, audiences); these
 * say how to read roles and the subject out of a token, and how API tokens behave.
 *
 * @param apiTokens API tokens for service accounts
 * @param bootstrapAdmin the admin token created at first start
 * @param jwt how a JWT names its subject and roles
 */
@ConfigurationProperties("seamless.security")
public record SeamlessSecurityProperties(@DefaultValue ApiTokens apiTokens,
                                         @DefaultValue BootstrapAdmin bootstrapAdmin,
                                         @DefaultValue Jwt jwt) {

    /**
     * @param enabled accept API tokens ({@code Authorization: Bearer slt_...})
     * @param defaultLifetime the lifetime of a token issued without {@code expiresAt}
     * @param maxLifetime the longest lifetime a token may be issued with
     * @param cacheTtl how long a verified token is trusted without looking at the table again; a
     *                 revocation made by another process takes effect within this time
     */
    public record ApiTokens(@DefaultValue("true") boolean enabled,
                            @DefaultValue("90d") Duration defaultLifetime,
                            @DefaultValue("366d") Duration maxLifetime,
                            @DefaultValue("5s") Duration cacheTtl) {
    }

    /**
     * @param enabled create an admin token at first start (when no token was ever issued) and print it once
     * @param token use this value for it instead of a random one (for automated set-ups; keep it secret)
     * @param lifetime its lifetime; rotate it by issuing a named admin token and revoking this one
     */
    public record BootstrapAdmin(@DefaultValue("true") boolean enabled,
                                 String token,
                                 @DefaultValue("366d") Duration lifetime) {
    }

    /**
     * @param rolesClaim the claim holding the caller's roles, a list or a space-separated string; a
     *                   dotted path reaches into objects ({@code realm_access.roles} for Keycloak)
     * @param principalClaim the claim naming the caller, who becomes the {@code actor} of its events
     */
    public record Jwt(@DefaultValue("roles") String rolesClaim,
                      @DefaultValue("sub") String principalClaim) {
    }
}
