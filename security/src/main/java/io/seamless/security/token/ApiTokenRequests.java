package io.seamless.security.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.seamless.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The bodies of {@code /api/v1/api-tokens}. */
final class ApiTokenRequests {

    private ApiTokenRequests() {
    }

    @Schema(example = """
            {"name": "ci-pipeline", "roles": ["operator", "network-admin"], "expiresAt": "2027-03-01T00:00:00Z"}""")
    record IssueApiToken(
            @Schema(description = "The service account's name (DNS-1123 label), never reused; events it causes "
                    + "carry the actor apitoken:<name>", example = "ci-pipeline") String name,
            @Schema(description = "viewer, operator, network-admin, cluster-admin, auditor or admin") List<String> roles,
            @Schema(description = "When it stops working; default seamless.security.api-tokens.default-lifetime "
                    + "from now") Instant expiresAt) {

        Set<Role> knownRoles() {
            if (roles == null) {
                return Set.of();
            }
            Set<Role> known = EnumSet.noneOf(Role.class);
            for (String role : roles) {
                known.add(Role.fromWireName(role).orElseThrow(() -> new ApiTokenRefusal(
                        ApiTokenRefusal.Kind.INVALID_REQUEST, "unknown role '" + role + "'; the roles are "
                        + Arrays.stream(Role.values()).map(Role::wireName).collect(Collectors.joining(", ")))));
            }
            return known;
        }
    }

    /** A token as listed: never its secret, except {@code token} in the answer to its issue. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ApiTokenView(String id, String name, List<String> roles, String state, Instant createdAt, String createdBy,
                        Instant expiresAt, Instant revokedAt, String revokedBy,
                        @Schema(description = "The token itself: shown in the answer to its issue, never again")
                        String token) {

        static ApiTokenView of(ApiToken token, Instant now, String value) {
            return new ApiTokenView(token.id(), token.name(), token.roles().stream().map(Role::wireName).toList(),
                    token.state(now), token.createdAt(), token.createdBy(), token.expiresAt(), token.revokedAt(),
                    token.revokedBy(), value);
        }
    }

    record ApiTokenList(List<ApiTokenView> items) {
    }
}
