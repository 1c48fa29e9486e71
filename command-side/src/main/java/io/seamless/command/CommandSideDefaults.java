package io.seamless.command;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults the command side cannot work without, at the lowest precedence so that any
 * ordinary Spring property source overrides them. Kept here rather than in the server's
 * configuration file so that every process embedding this module (tests, bench) gets them.
 */
public class CommandSideDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.of(
            // Axon's default is XStream; events and snapshots are stored as JSON.
            "axon.serializer.general", "jackson",
            "axon.serializer.events", "jackson",
            "axon.serializer.messages", "jackson",
            // No Axon Server: the event store is relational.
            "axon.axonserver.enabled", "false",
            // Axon 4.13's handler timeouts capture a stack trace on every handler invocation, which
            // was the largest single cost of a command; our handlers are in-memory and bounded.
            "axon.timeout.enabled", "false",
            // Each module migrates its own tables with its own history table.
            "spring.flyway.enabled", "false",
            "spring.jackson.deserialization.fail-on-unknown-properties", "true",
            "spring.mvc.problemdetails.enabled", "true");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("seamless-command-defaults", DEFAULTS));
    }
}
