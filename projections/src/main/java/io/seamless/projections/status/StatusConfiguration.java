package io.seamless.projections.status;

import io.seamless.projections.ConditionalOnProjectionsRole;
import io.seamless.projections.rebuild.ProjectionRebuilds;
import io.seamless.projections.support.ProjectionPlace;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The projections' lag and the pools' free addresses, as meters (bound by Actuator where it runs) and for health. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProjectionsRole
public class StatusConfiguration {

    @Bean
    ProjectionLag projectionLag(ProjectionRebuilds projections,
                                @Value("${seamless.projections.lag-refresh:5s}") String refresh) {
        return new ProjectionLag(projections, DurationStyle.detectAndParse(refresh), Clock.systemUTC());
    }

    @Bean
    PoolAddressMetrics poolAddressMetrics(@Qualifier("ipPoolPlace") ProjectionPlace ipPoolPlace,
                                          @Value("${seamless.projections.lag-refresh:5s}") String refresh) {
        return new PoolAddressMetrics(JdbcClient.create(ipPoolPlace.storage()), DurationStyle.detectAndParse(refresh));
    }
}
