package io.seamless.security.web;

import io.seamless.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem documents ({@code unauthenticated}, {@code forbidden}), with the
 * {@code WWW-Authenticate} challenge of RFC 6750. The detail says what was missing, never why a
 * presented secret did not match.
 */
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean presented = e instanceof InvalidBearerTokenException;
        response.setHeader("WWW-Authenticate", presented
                ? "Bearer realm=\"seamless\", error=\"invalid_token\"" : "Bearer realm=\"seamless\"");
        ProblemDocument.write(response, request, 401, "unauthenticated", presented ? e.getMessage()
                : "this endpoint needs Authorization: Bearer <token>, an API token (slt_...) or an OIDC access token");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String held = caller == null ? "none" : EndpointRoleAuthorization.rolesOf(caller).stream()
                .sorted(Comparator.naturalOrder()).map(Role::wireName).collect(Collectors.joining(", "));
        String detail = "this endpoint is not open to " + (caller == null ? "you" : caller.getName());
        if (e instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof EndpointRoleAuthorization.RoleDecision decision) {
            detail = decision.needed().map(role -> "this endpoint needs the role '" + role.wireName() + "'")
                    .orElse("this endpoint declares no role, so it is open to nobody");
        }
        ProblemDocument.write(response, request, 403, "forbidden",
                detail + "; your roles: " + (held.isEmpty() ? "none" : held));
    }
}
