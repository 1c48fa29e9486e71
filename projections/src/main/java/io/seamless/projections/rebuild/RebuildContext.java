package io.seamless.projections.rebuild;

import io.seamless.projections.support.ProjectionGenerations;
import io.seamless.projections.support.ProjectionSchema;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/** What every rebuild shares: the application's database, its schemas and generations, and the settings. */
record RebuildContext(DataSource dataSource, ProjectionSchema schema, GenerationSchemas schemas,
                      ProjectionGenerations generations, String baseGroupId, Duration switchTimeout, Clock clock) {
}
