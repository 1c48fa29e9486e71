package io.seamless.command.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Writes the problem types of every Command API operation into the OpenAPI document: the request
 * problems any write can answer, and the domain refusals of its controller's {@link Refusals},
 * each status with the problem type URIs it may carry. Derived from the same enums the problems are
 * built from, so the document cannot name a type the server never sends, or miss one it does.
 */
@Component
class RefusalDocumentation implements OperationCustomizer {

    private static final Map<Integer, List<String>> REQUEST_PROBLEMS = Map.of(
            400, List.of("invalid-request", "malformed-request"),
            409, List.of("concurrent-modification", "idempotency-key-in-progress"),
            412, List.of("precondition-failed"),
            413, List.of("payload-too-large"),
            415, List.of("unsupported-media-type"),
            422, List.of("idempotency-key-reused"));

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Refusals refusals = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Refusals.class);
        if (refusals == null) {
            return operation;
        }
        Map<Integer, List<String>> byStatus = new TreeMap<>();
        REQUEST_PROBLEMS.forEach((status, slugs) -> byStatus.computeIfAbsent(status, s -> new ArrayList<>())
                .addAll(slugs));
        Arrays.stream(refusals.value()).flatMap(codes -> Arrays.stream(codes.getEnumConstants()))
                .forEach(code -> byStatus.computeIfAbsent(HttpStatusMapping.of(code.kind()).value(),
                        s -> new ArrayList<>()).add(code.slug()));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        byStatus.forEach((status, slugs) -> responses.addApiResponse(String.valueOf(status), problem(slugs)));
        operation.setResponses(responses);
        return operation;
    }

    private static ApiResponse problem(List<String> slugs) {
        String types = slugs.stream().sorted().map(slug -> "`" + ProblemTypes.BASE + slug + "`")
                .collect(Collectors.joining(", "));
        return new ApiResponse().description("A problem document (docs/api-errors.md) of type " + types)
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new ObjectSchema())));
    }
}
