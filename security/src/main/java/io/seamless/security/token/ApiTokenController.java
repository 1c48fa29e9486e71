package io.seamless.security.token;

import io.seamless.security.RequiresRole;
import io.seamless.security.Role;
import io.seamless.security.token.ApiTokenRequests.ApiTokenList;
import io.seamless.security.token.ApiTokenRequests.ApiTokenView;
import io.seamless.security.token.ApiTokenRequests.IssueApiToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API tokens of service accounts: issued, listed and revoked by an admin. */
@RestController
@RequestMapping(path = "/api/v1/api-tokens", produces = "application/json")
@RequiresRole(Role.ADMIN)
@Tag(name = "API tokens", description = "Bearer tokens for automation. The secret is shown once and kept only as a"
        + " hash; names are never reused, so an event's actor apitoken:<name> always names one token.")
class ApiTokenController {

    private final ApiTokenService tokens;

    ApiTokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Issue a token; its value is in this answer and nowhere else, ever")
    ResponseEntity<ApiTokenView> issue(@RequestBody IssueApiToken request, Authentication caller) {
        ApiTokenService.Issued issued = tokens.issue(request.name(), request.knownRoles(), request.expiresAt(),
                caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/api-tokens/" + issued.token().id()))
                .cacheControl(CacheControl.noStore())
                .body(ApiTokenView.of(issued.token(), tokens.now(), issued.value()));
    }

    @GetMapping
    @Operation(summary = "List every token ever issued, revoked and expired ones included")
    ApiTokenList list() {
        Instant now = tokens.now();
        return new ApiTokenList(tokens.all().stream().map(token -> ApiTokenView.of(token, now, null)).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One token")
    ApiTokenView get(@PathVariable String id) {
        return ApiTokenView.of(tokens.find(id), tokens.now(), null);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a token (idempotent): refused from now on in this process, within the cache TTL"
            + " in others")
    ApiTokenView revoke(@PathVariable String id, Authentication caller) {
        return ApiTokenView.of(tokens.revoke(id, caller.getName()), tokens.now(), null);
    }
}
