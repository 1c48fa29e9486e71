package io.seamless.command.web;

import io.seamless.command.dispatch.AuditMetadata;
import java.security.Principal;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Builds the {@link AuditMetadata} of a write from its request: the authenticated caller (an API
 * token's {@code apitoken:<name>}, or a JWT's subject), the reason and ticket headers, and
 * the request's correlation id (see {@link CorrelationIdFilter}).
 */
class AuditMetadataResolver implements HandlerMethodArgumentResolver {

    static final String REASON_HEADER = "X-Seamless-Reason";
    static final String TICKET_HEADER = "X-Seamless-Ticket";
    static final String IF_MATCH = "If-Match";
    private static final int MAX_HEADER = 1024;
    private static final Pattern STRONG_VERSION = Pattern.compile("\"(0|[1-9][0-9]{0,17})\"");

    private final boolean requireReason;

    /** @param requireReason the compliance switch {@code seamless.audit.require-reason}: every write must say why */
    AuditMetadataResolver(boolean requireReason) {
        this.requireReason = requireReason;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return AuditMetadata.class.equals(parameter.getParameterType());
    }

    @Override
    public AuditMetadata resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                         NativeWebRequest request, WebDataBinderFactory binderFactory) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            // The filter chain lets no caller without one reach a handler; should that ever break, fail closed.
            throw new IllegalStateException("a write reached its handler without an authenticated caller");
        }
        String actor = principal.getName();
        Object correlationId = request.getAttribute(CorrelationIdFilter.ATTRIBUTE, NativeWebRequest.SCOPE_REQUEST);
        String reason = header(request, REASON_HEADER);
        if (requireReason && reason == null) {
            throw new IllegalHeaderException(REASON_HEADER + " is required: this server records why every change"
                    + " was made (seamless.audit.require-reason)");
        }
        return new AuditMetadata(actor, reason, header(request, TICKET_HEADER),
                correlationId == null ? UUID.randomUUID().toString() : correlationId.toString(), ifMatch(request));
    }

    /** The version of a strong {@code If-Match: "7"}; null without the header or for {@code *} (any version). */
    private static Long ifMatch(NativeWebRequest request) {
        String value = request.getHeader(IF_MATCH);
        if (value == null || value.isBlank() || value.strip().equals("*")) {
            return null;
        }
        Matcher version = STRONG_VERSION.matcher(value.strip());
        if (!version.matches()) {
            throw new IllegalHeaderException("If-Match must be one strong entity tag with a version, e.g. \"7\","
                    + " as the ETag of a read");
        }
        return Long.parseLong(version.group(1));
    }

    private static String header(NativeWebRequest request, String name) {
        String value = request.getHeader(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_HEADER) {
            throw new IllegalHeaderException(name + " is longer than " + MAX_HEADER + " characters");
        }
        return value.strip();
    }

    /** A header the API cannot accept: answered as a 400 problem. */
    static class IllegalHeaderException extends RuntimeException {
        IllegalHeaderException(String message) {
            super(message);
        }
    }
}
