package io.seamless.security.web;

import io.seamless.security.Role;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The access rule of {@code /api/**}: authenticated, and holding a role that implies the one the
 * handler declares. A handler that declares none is refused to everybody and logged: access is never
 * granted by omission. Decided in the security filter chain, before any other filter keeps state
 * about the request (idempotency keys).
 */
public class EndpointRoleAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private static final Logger log = LoggerFactory.getLogger(EndpointRoleAuthorization.class);

    private final EndpointRoles roles;

    public EndpointRoleAuthorization(EndpointRoles roles) {
        this.roles = roles;
    }

    /** A refusal that knows which role was missing, for the 403 problem's detail. */
    public static final class RoleDecision extends AuthorizationDecision {

        private final Role needed;

        RoleDecision(boolean granted, Role needed) {
            super(granted);
            this.needed = needed;
        }

        public Optional<Role> needed() {
            return Optional.ofNullable(needed);
        }
    }

    @Override
    @SuppressWarnings("deprecation")
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
            return new AuthorizationDecision(false);
        }
        EndpointRoles.Target target = roles.of(context.getRequest());
        if (target instanceof EndpointRoles.Declared declared) {
            return new RoleDecision(holds(caller, declared.role()), declared.role());
        }
        if (target instanceof EndpointRoles.Undeclared undeclared) {
            log.error("Refused {} {}: its handler {} declares no @RequiresRole", context.getRequest().getMethod(),
                    context.getRequest().getRequestURI(), undeclared.handler());
            return new RoleDecision(false, null);
        }
        return new AuthorizationDecision(true);
    }

    public static Set<Role> rolesOf(Authentication caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).map(Role::fromAuthority)
                .flatMap(Optional::stream).collect(Collectors.toSet());
    }

    public static boolean holds(Authentication caller, Role needed) {
        return rolesOf(caller).stream().anyMatch(role -> role.implies(needed));
    }
}
