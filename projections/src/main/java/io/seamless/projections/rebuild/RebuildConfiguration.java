package io.seamless.projections.rebuild;

import io.seamless.projections.ConditionalOnProjectionsRole;
import io.seamless.projections.ProjectionsProperties;
import io.seamless.projections.support.ProjectionGenerations;
import io.seamless.projections.support.ProjectionSchema;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rebuilds of the projections this process runs ({@code POST /api/v1/admin/projections/{name}/rebuild}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProjectionsRole
public class RebuildConfiguration {

    @Bean
    ProjectionRebuilds projectionRebuilds(List<RebuildableProjection> projections, DataSource dataSource,
                                          ProjectionSchema schema, ProjectionGenerations generations,
                                          ProjectionsProperties properties,
                                          @Value("${seamless.projections.rebuild.switch-timeout:2m}") String timeout) {
        RebuildContext context = new RebuildContext(dataSource, schema, new GenerationSchemas(dataSource), generations,
                properties.groupId(), DurationStyle.detectAndParse(timeout), Clock.systemUTC());
        return new ProjectionRebuilds(projections, context);
    }
}
