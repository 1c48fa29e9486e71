package io.seamless.server.health;

import io.seamless.reactors.runtime.ReactorsRuntime;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** {@code reactors}: the clusters this process runs a reactor for; DOWN when the reactors role is stopped. */
public final class ReactorsHealthIndicator extends AbstractHealthIndicator {

    private final ReactorsRuntime runtime;

    public ReactorsHealthIndicator(ReactorsRuntime runtime) {
        super("the reactors' state could not be read");
        this.runtime = runtime;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.status(runtime.isRunning() ? "UP" : "DOWN").withDetail("clusters", runtime.runningClusters());
    }
}
