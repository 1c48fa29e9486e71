package io.seamless.security.token;

import io.seamless.security.SeamlessSecurityProperties;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API tokens, on unless {@code seamless.security.api-tokens.enabled=false}. */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "seamless.security.api-tokens", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(SeamlessSecurityProperties.class)
@Import({ApiTokenController.class, ApiTokenProblems.class})
public class ApiTokenConfiguration {

    @Bean
    TokenSchema apiTokenSchema(DataSource dataSource) {
        return new TokenSchema(dataSource);
    }

    @Bean
    @DependsOn("apiTokenSchema")
    ApiTokenStore apiTokenStore(DataSource dataSource) {
        return new ApiTokenStore(JdbcClient.create(dataSource));
    }

    @Bean
    ApiTokenVerifier apiTokenVerifier(ApiTokenStore store, SeamlessSecurityProperties properties) {
        return new ApiTokenVerifier(store, properties.apiTokens().cacheTtl(), Clock.systemUTC());
    }

    @Bean
    ApiTokenService apiTokenService(ApiTokenStore store, ApiTokenVerifier verifier,
                                    SeamlessSecurityProperties properties) {
        return new ApiTokenService(store, verifier, properties.apiTokens(), Clock.systemUTC());
    }

    @Bean
    BootstrapAdminToken bootstrapAdminToken(ApiTokenStore store, ApiTokenService tokens,
                                            SeamlessSecurityProperties properties) {
        return new BootstrapAdminToken(store, tokens, properties.bootstrapAdmin(), System.out);
    }
}
