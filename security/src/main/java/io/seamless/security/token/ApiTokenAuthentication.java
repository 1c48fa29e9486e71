package io.seamless.security.token;

import io.seamless.security.Role;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A caller who showed a valid API token; its name is the actor {@code apitoken:<token name>}. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String actor;

    ApiTokenAuthentication(ApiToken token) {
        super(token.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList());
        this.actor = ApiToken.actorOf(token.name());
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor;
    }
}
