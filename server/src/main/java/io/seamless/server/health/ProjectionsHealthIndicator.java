package io.seamless.server.health;

import io.seamless.projections.status.ProjectionLag;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * {@code projections}: each projection's consumer must run and be at most {@code maxLag} records behind its
 * topics (summed over them); otherwise DOWN, naming which and why. A projection catching up after a restart or
 * a broker outage is DOWN until it is back within the bound.
 */
public final class ProjectionsHealthIndicator extends AbstractHealthIndicator {

    private final ProjectionLag lag;
    private final long maxLag;

    public ProjectionsHealthIndicator(ProjectionLag lag, long maxLag) {
        super("the projections' lag could not be measured");
        this.lag = lag;
        this.maxLag = maxLag;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        for (Map.Entry<String, ProjectionLag.Status> projection : lag.all().entrySet()) {
            ProjectionLag.Status status = projection.getValue();
            boolean ok = status.running() && status.total() <= maxLag;
            healthy &= ok;
            builder.withDetail(projection.getKey(), Map.of("running", status.running(), "lag", status.lagByTopic(),
                    "status", ok ? "UP" : "DOWN"));
        }
        builder.withDetail("maxLag", maxLag);
        if (healthy) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
