package io.seamless.security.web;

import io.seamless.security.RequiresRole;
import io.seamless.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/** Finds the handler Spring MVC will pick for a request, and the role it declares. */
public class EndpointRoles {

    /** What a request reaches: no handler at all, a handler that declares no role, or one that does. */
    public sealed interface Target {
    }

    /** No handler matches (404, 405, 415...): Spring MVC answers that, to an authenticated caller. */
    public record NoHandler() implements Target {
    }

    public record Undeclared(String handler) implements Target {
    }

    public record Declared(Role role) implements Target {
    }

    private final RequestMappingHandlerMapping handlers;
    /** Merged-annotation lookups are slow, and the answer per handler never changes. */
    private final Map<HandlerMethod, Target> byHandler = new ConcurrentHashMap<>();

    public EndpointRoles(RequestMappingHandlerMapping handlers) {
        this.handlers = handlers;
    }

    public Target of(HttpServletRequest request) {
        HandlerExecutionChain chain;
        try {
            LookupRequest lookup = new LookupRequest(request);
            ServletRequestPathUtils.parseAndCache(lookup);
            chain = handlers.getHandler(lookup);
        } catch (Exception noMatch) {
            return new NoHandler();
        }
        if (chain == null || !(chain.getHandler() instanceof HandlerMethod method)) {
            return new NoHandler();
        }
        return byHandler.computeIfAbsent(method, handler -> declared(handler).<Target>map(Declared::new)
                .orElseGet(() -> new Undeclared(handler.toString())));
    }

    public static Optional<Role> declared(HandlerMethod method) {
        RequiresRole onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresRole.class);
        RequiresRole onType = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresRole.class);
        return Optional.ofNullable(onMethod != null ? onMethod : onType).map(RequiresRole::value);
    }

    /**
     * The request as the lookup sees it: the attributes a handler mapping sets while matching (parsed
     * path, URI variables, best pattern) stay here, so the dispatcher later starts from a clean request.
     */
    private static final class LookupRequest extends HttpServletRequestWrapper {

        private final Map<String, Object> attributes = new HashMap<>();

        LookupRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
        }

        @Override
        public java.util.Enumeration<String> getAttributeNames() {
            Map<String, Object> all = new HashMap<>(attributes);
            Collections.list(super.getAttributeNames()).forEach(name -> all.putIfAbsent(name, null));
            return Collections.enumeration(all.keySet());
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.put(name, null);
        }
    }
}
