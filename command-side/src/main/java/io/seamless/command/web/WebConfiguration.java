package io.seamless.command.web;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers take the caller's {@link io.seamless.command.dispatch.AuditMetadata} as a parameter. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final boolean requireReason;

    WebConfiguration(@Value("${seamless.audit.require-reason:false}") boolean requireReason) {
        this.requireReason = requireReason;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new AuditMetadataResolver(requireReason));
    }
}
