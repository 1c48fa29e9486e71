package io.seamless.security.jwt;

import io.seamless.security.Role;
import io.seamless.security.SeamlessSecurityProperties;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads the caller of a validated JWT: its name from {@code seamless.security.jwt.principal-claim}
 * (the actor of its events) and its roles from {@code seamless.security.jwt.roles-claim}. Role
 * names this server does not know grant nothing; a token without a name is refused.
 */
public class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final List<String> rolesPath;
    private final String principalClaim;

    public JwtRoles(SeamlessSecurityProperties.Jwt settings) {
        this.rolesPath = List.of(settings.rolesClaim().split("\\."));
        this.principalClaim = settings.principalClaim();
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String name = jwt.getClaimAsString(principalClaim);
        if (name == null || name.isBlank()) {
            throw new InvalidBearerTokenException("the token has no '" + principalClaim + "' claim to name its caller");
        }
        List<GrantedAuthority> authorities = roleNames(jwt).stream().map(Role::fromWireName).flatMap(Optional::stream)
                .map(Role::authority).<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
        return new JwtAuthenticationToken(jwt, authorities, name);
    }

    private List<String> roleNames(Jwt jwt) {
        Object value = jwt.getClaims();
        for (String step : rolesPath) {
            if (!(value instanceof Map<?, ?> object)) {
                return List.of();
            }
            value = object.get(step);
        }
        if (value instanceof String spaced) {
            return Arrays.asList(spaced.trim().split("\\s+"));
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
