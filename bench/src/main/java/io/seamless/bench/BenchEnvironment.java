package io.seamless.bench;

import io.seamless.server.SeamlessServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real PostgreSQL (embedded binaries, loopback) and a whole Seamless server on it (every role,
 * embedded Kafka broker), in this JVM, for the benchmarks to drive over HTTP.
 */
final class BenchEnvironment implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final ConfigurableApplicationContext server;

    private BenchEnvironment(EmbeddedPostgres postgres, ConfigurableApplicationContext server) {
        this.postgres = postgres;
        this.server = server;
    }

    static BenchEnvironment start() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Path dataDir = Files.createTempDirectory("seamless-bench");
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--seamless.data-dir=" + dataDir,
                "--seamless.kafka.embedded.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.hikari.maximum-pool-size=16",
                "--logging.level.root=WARN"));
        // -DserverArgs="--a=b --c=d" adds or overrides server settings, e.g. to run one role only.
        args.addAll(List.of(System.getProperty("serverArgs", "").split("\\s+")).stream()
                .filter(arg -> !arg.isBlank()).toList());
        // Command-line arguments: they outrank the server's application.yml.
        ConfigurableApplicationContext server = new SpringApplicationBuilder(SeamlessServer.class)
                .run(args.toArray(String[]::new));
        return new BenchEnvironment(postgres, server);
    }

    EmbeddedPostgres postgres() {
        return postgres;
    }

    ConfigurableApplicationContext server() {
        return server;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() throws IOException {
        server.close();
        postgres.close();
    }
}
