package io.seamless.command.web.idempotency;

import io.seamless.command.ConditionalOnCommandRole;
import io.seamless.command.dispatch.DispatchConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Idempotency-Key filter on the API's writes, its store, and the purge of expired keys. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnCommandRole
public class IdempotencyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    @Bean
    IdempotencyStore idempotencyStore(JdbcClient jdbc,
                                      @Value("${seamless.idempotency.retention:24h}") Duration retention) {
        return new IdempotencyStore(jdbc, retention, Clock.systemUTC());
    }

    /**
     * After the security filter chain: only an authenticated, authorised request may claim a key, and the
     * key is scoped to that caller. The correlation id filter runs earlier, so a replay still carries its id.
     */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store,
            @Value("${seamless.idempotency.max-body-bytes:1048576}") int maxBody) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, maxBody));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService idempotencyPurge(IdempotencyStore store) {
        ScheduledExecutorService purge = Executors.newSingleThreadScheduledExecutor(
                DispatchConfiguration.daemonThreads("seamless-idempotency-purge-"));
        purge.scheduleWithFixedDelay(() -> {
            try {
                int purged = store.purgeExpired();
                log.debug("Idempotency keys past their retention purged: {}", purged);
            } catch (RuntimeException e) {
                log.warn("Purging expired idempotency keys failed, will retry: {}", e.toString());
            }
        }, 10, 10, TimeUnit.MINUTES);
        return purge;
    }
}
