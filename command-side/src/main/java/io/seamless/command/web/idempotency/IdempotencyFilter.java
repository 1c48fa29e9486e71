package io.seamless.command.web.idempotency;

import io.seamless.security.web.ProblemDocument;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every write of the API: the first request with a key is handled and
 * its answer kept (for {@code seamless.idempotency.retention}); a retry with the same key and the
 * same method, path and body gets that answer again ({@code Idempotent-Replayed: true}) and records
 * nothing; the same key with another request is refused (422), and a retry while the first is still
 * running is told so (409). Answers of 5xx are not kept, so such a request can be retried with its key.
 * Keys belong to the caller who sent them.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyStore store;
    private final int maxBody;

    IdempotencyFilter(IdempotencyStore store, int maxBody) {
        this.store = store;
        this.maxBody = maxBody;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !WRITES.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        if (!SANE_KEY.matcher(given).matches()) {
            ProblemDocument.write(response, request, 400, "invalid-request", "Invalid request",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters");
            return;
        }
        byte[] body = readBody(request);
        if (body == null) {
            ProblemDocument.write(response, request, 413, "payload-too-large", "Payload too large",
                    "the body is over " + maxBody + " bytes");
            return;
        }
        String key = scopedToCaller(request, given);
        String fingerprint = fingerprint(request, body);
        Optional<IdempotencyStore.Entry> held = store.claim(key, fingerprint);
        if (held.isPresent()) {
            answerFromStore(held.get(), fingerprint, request, response);
            return;
        }
        handleAndKeep(key, new BufferedBodyRequest(request, body), response, chain);
    }

    private void handleAndKeep(String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, captured);
            if (captured.getStatus() < 500 && !secret(captured)) {
                store.complete(key, captured.getStatus(), captured.getContentType(),
                        captured.getHeader(HttpHeaders.LOCATION), captured.getContentAsByteArray());
                kept = true;
            }
        } finally {
            if (!kept) {
                store.release(key);
            }
            captured.copyBodyToResponse();
        }
    }

    /**
     * An answer marked {@code Cache-Control: no-store} (an issued API token) holds a secret and is never
     * written down; a retry runs again, and the unique token name turns it into a 409.
     */
    private static boolean secret(HttpServletResponse response) {
        String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
        return cacheControl != null && cacheControl.contains("no-store");
    }

    private static void answerFromStore(IdempotencyStore.Entry held, String fingerprint, HttpServletRequest request,
                                        HttpServletResponse response) throws IOException {
        if (!held.fingerprint().equals(fingerprint)) {
            ProblemDocument.write(response, request, 422, "idempotency-key-reused", "Idempotency key reused",
                    "this Idempotency-Key was used for another request (method, path or body differ)");
        } else if (!held.completed()) {
            ProblemDocument.write(response, request, 409, "idempotency-key-in-progress", "Idempotent request in progress",
                    "a request with this Idempotency-Key is still being handled; retry later");
        } else {
            response.setStatus(held.status());
            response.setHeader(REPLAYED, "true");
            if (held.contentType() != null) {
                response.setContentType(held.contentType());
            }
            if (held.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, held.location());
            }
            response.getOutputStream().write(held.body() == null ? new byte[0] : held.body());
        }
    }

    /** The whole body, or null when it is over the limit. */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBody + 1);
            return body.length > maxBody ? null : body;
        }
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        MessageDigest sha256 = sha256();
        sha256.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest(body));
    }

    /**
     * Keys are per caller: two clients that happen to pick the same key never see each other's answer.
     * Runs after the security filter chain, so every request that reaches it has a caller.
     */
    private static String scopedToCaller(HttpServletRequest request, String key) {
        Principal caller = request.getUserPrincipal();
        if (caller == null) {
            throw new IllegalStateException("Idempotency-Key reached without an authenticated caller");
        }
        return HexFormat.of().formatHex(sha256().digest(
                (caller.getName() + "\n" + key).getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
