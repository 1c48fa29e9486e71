package io.seamless.security;

import io.seamless.security.jwt.JwtRoles;
import io.seamless.security.token.ApiTokenVerifier;
import io.seamless.security.web.BearerTokens;
import io.seamless.security.web.EndpointRoleAuthorization;
import io.seamless.security.web.EndpointRoles;
import io.seamless.security.web.RoleDocumentation;
import io.seamless.security.web.SecurityProblems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what. Stateless bearer authentication only (API tokens and, when configured, JWTs):
 * no sessions, no cookies, hence no CSRF surface. {@code /api/**} is decided per endpoint by its
 * {@link RequiresRole}; health, info and the OpenAPI document are open; everything else needs a caller.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(SeamlessSecurityProperties.class)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain seamlessApiSecurity(HttpSecurity http, EndpointRoleAuthorization endpointRoles,
                                            BearerTokens bearerTokens) throws Exception {
        SecurityProblems problems = new SecurityProblems();
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/api/**").access(endpointRoles)
                        .requestMatchers("/actuator/**").access(AuthorityAuthorizationManager.hasAnyAuthority(
                                Role.VIEWER.authority(), Role.ADMIN.authority()))
                        .anyRequest().authenticated())
                .oauth2ResourceServer(bearer -> bearer
                        .authenticationManagerResolver(request -> bearerTokens)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * No observation per security filter: with Micrometer present, Spring Security times each of its filters
     * separately, a tenth of a request's CPU here. The request as a whole is still observed by Spring MVC.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    EndpointRoleAuthorization endpointRoleAuthorization(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) {
        return new EndpointRoleAuthorization(new EndpointRoles(handlers));
    }

    @Bean
    BearerTokens bearerTokens(ObjectProvider<ApiTokenVerifier> apiTokens, ObjectProvider<JwtDecoder> jwtDecoder,
                              SeamlessSecurityProperties properties) {
        JwtAuthenticationProvider jwts = jwtDecoder.stream().findFirst().map(decoder -> {
            JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
            provider.setJwtAuthenticationConverter(new JwtRoles(properties.jwt()));
            return provider;
        }).orElse(null);
        return new BearerTokens(apiTokens.getIfAvailable(), jwts);
    }

    @Bean
    RoleDocumentation roleDocumentation() {
        return new RoleDocumentation();
    }
}
