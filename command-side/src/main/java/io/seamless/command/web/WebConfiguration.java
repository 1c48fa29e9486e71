package io.seamless.command.web;

import io.seamless.command.dispatch.AuditMetadata;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The API's body size limit, and lets controllers take the caller's {@link AuditMetadata} as a parameter. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static {
        // Resolved from headers and the principal, not a request parameter: keep it out of the OpenAPI document.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AuditMetadata.class);
    }

    private final boolean requireReason;

    WebConfiguration(@Value("${seamless.audit.require-reason:false}") boolean requireReason) {
        this.requireReason = requireReason;
    }

    /** Before every other filter but the correlation id: an oversized body is refused unread. */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${seamless.api.max-body-bytes:1048576}") int maxBody) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBody));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new AuditMetadataResolver(requireReason));
    }
}
