package io.seamless.security.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem documents as the whole API writes them: {@code type} under
 * {@code https://seamless.io/problems/}, {@code title}, {@code status}, {@code detail},
 * {@code instance} (the path) and {@code errorCode} (the slug in upper snake case).
 */
public final class ProblemDocument {

    public static final String BASE = "https://seamless.io/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TITLES = Map.of("invalid-request", "Invalid request",
            "malformed-request", "Malformed request body", "not-found", "Not found",
            "method-not-allowed", "Method not allowed", "not-acceptable", "Not acceptable",
            "payload-too-large", "Payload too large", "unsupported-media-type", "Unsupported media type",
            "unauthenticated", "Unauthenticated", "forbidden", "Forbidden");

    private ProblemDocument() {
    }

    public static String title(String slug) {
        return TITLES.getOrDefault(slug, "Invalid request");
    }

    public static ProblemDetail of(int status, String slug, String title, String detail, URI instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(URI.create(BASE + slug));
        problem.setTitle(title);
        problem.setInstance(instance);
        problem.setProperty("errorCode", errorCode(slug));
        return problem;
    }

    /** For filters, which answer before Spring MVC could render a {@link ProblemDetail}. */
    public static void write(HttpServletResponse response, HttpServletRequest request, int status, String slug,
                             String detail) throws IOException {
        write(response, request, status, slug, title(slug), detail);
    }

    /** The same, with a title of the caller's own (a problem type this class does not list). */
    public static void write(HttpServletResponse response, HttpServletRequest request, int status, String slug,
                             String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", BASE + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("errorCode", errorCode(slug));
        response.setStatus(status);
        response.setContentType("application/problem+json");
        JSON.writeValue(response.getOutputStream(), problem);
    }

    private static String errorCode(String slug) {
        return slug.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
