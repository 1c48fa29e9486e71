package io.seamless.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * compose/docker-compose.yml as docker-compose itself reads it ({@code docker-compose config} validates and
 * resolves it without an engine): Kafka, PostgreSQL and the three roles as services of one image, each with a
 * health check and a volume. Skipped where docker-compose is not installed; {@code .ci/run} installs it.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("../compose/docker-compose.yml");

    @Test
    void dockerComposeAcceptsTheFileAndEveryServiceIsWatched() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");

        JsonNode services = config().path("services");

        assertThat(services.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("kafka", "postgres", "command", "projections", "reactors");
        services.fields().forEachRemaining(service -> assertThat(service.getValue().path("healthcheck")
                .path("test").isMissingNode()).as(service.getKey() + " has a health check").isFalse());
        for (String role : List.of("command", "projections", "reactors")) {
            JsonNode service = services.path(role);
            assertThat(service.path("environment").path("SEAMLESS_ROLES").asText()).isEqualTo(role);
            assertThat(service.path("image").asText()).isEqualTo(services.path("command").path("image").asText());
            assertThat(service.path("volumes")).as(role + " keeps its data directory").isNotEmpty();
            assertThat(service.path("depends_on").path("postgres").path("condition").asText())
                    .isEqualTo("service_healthy");
        }
    }

    private static JsonNode config() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("docker-compose", "-f", COMPOSE.toString(), "config")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return new ObjectMapper(new YAMLFactory()).readTree(output);
    }

    private static boolean onPath(String program) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)).stream()
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }
}
