package io.seamless.server.storage;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With no {@code spring.datasource.url}, the event store and read models live in an H2 file
 * under {@code seamless.data-dir}. The path is made absolute here because H2 refuses a relative
 * path that does not start with {@code ./}, and {@code --seamless.data-dir=data} must just work.
 */
public class EmbeddedDatabaseDefaults implements EnvironmentPostProcessor, Ordered {

    static final String FILE_NAME = "seamless-h2";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("seamless.data-dir", "./data")).toAbsolutePath().normalize();
        // LOCK_TIMEOUT: placements take turns on the clusters' row locks; H2 would give up after 1 s
        // (an HTTP 500) where PostgreSQL waits.
        String url = "jdbc:h2:file:" + dataDir.resolve(FILE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
        environment.getPropertySources().addLast(new MapPropertySource("seamless-embedded-database",
                Map.of("spring.datasource.url", url, "spring.datasource.username", "sa",
                        "spring.datasource.password", "")));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
