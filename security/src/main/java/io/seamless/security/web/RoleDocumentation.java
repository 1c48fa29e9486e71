package io.seamless.security.web;

import io.seamless.security.Role;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Writes each endpoint's role into the OpenAPI document: {@code x-seamless-role}, a line of its
 * description, the bearer security requirement and the 401/403 problems. Read from the same
 * {@code @RequiresRole} the filter chain enforces, so the document cannot drift from the rule.
 */
public class RoleDocumentation implements OperationCustomizer, OpenApiCustomizer {

    public static final String EXTENSION = "x-seamless-role";
    private static final String SCHEME = "bearer";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        EndpointRoles.declared(handler).ifPresent(role -> {
            operation.addExtension(EXTENSION, role.wireName());
            String line = "Role: `" + role.wireName() + "`" + (role == Role.ADMIN ? "" : " (or one implying it: "
                    + (role == Role.VIEWER ? "any role" : "admin") + ")");
            operation.setDescription(operation.getDescription() == null ? line
                    : operation.getDescription() + "\n\n" + line);
            operation.addSecurityItem(new SecurityRequirement().addList(SCHEME));
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            responses.addApiResponse("401", problem("No valid bearer token (problem type unauthenticated)"));
            responses.addApiResponse("403", problem("The caller lacks the role (problem type forbidden)"));
            operation.setResponses(responses);
        });
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        components.addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API token (slt_..., issued at POST /api/v1/api-tokens) or an OIDC access token"));
        openApi.setComponents(components);
    }

    private static ApiResponse problem(String description) {
        Schema<Object> document = new ObjectSchema()
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errorCode", new StringSchema());
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(document)));
    }
}
