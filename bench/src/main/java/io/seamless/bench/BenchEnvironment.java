package io.seamless.bench;

import io.seamless.server.SeamlessServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real PostgreSQL (embedded binaries, loopback) and a whole Seamless server on it (every role,
 * embedded Kafka broker), in this JVM, for the benchmarks to drive over HTTP.
 */
final class BenchEnvironment implements AutoCloseable {

    private static final String ADMIN_TOKEN = randomToken();

    private final EmbeddedPostgres postgres;
    private final ConfigurableApplicationContext server;

    private BenchEnvironment(EmbeddedPostgres postgres, ConfigurableApplicationContext server) {
        this.postgres = postgres;
        this.server = server;
    }

    static BenchEnvironment start() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Path dataDir = Files.createTempDirectory("seamless-bench");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", "0");
        settings.put("seamless.data-dir", dataDir.toString());
        settings.put("seamless.kafka.embedded.port", "0");
        settings.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        settings.put("spring.datasource.username", "postgres");
        settings.put("spring.datasource.hikari.maximum-pool-size", "16");
        settings.put("logging.level.root", "WARN");
        // The clients call as the bootstrap admin, with a token made for this run.
        settings.put("seamless.security.bootstrap-admin.token", ADMIN_TOKEN);
        // -DserverArgs="--a=b --c=d" adds or replaces server settings, e.g. to run one role only.
        for (String arg : System.getProperty("serverArgs", "").split("\\s+")) {
            if (arg.startsWith("--") && arg.contains("=")) {
                settings.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        // Command-line arguments: they outrank the server's application.yml.
        ConfigurableApplicationContext server = new SpringApplicationBuilder(SeamlessServer.class)
                .run(args);
        return new BenchEnvironment(postgres, server);
    }

    private static String randomToken() {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            id.append("abcdefghijklmnopqrstuvwxyz234567".charAt(random.nextInt(32)));
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return "slt_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    EmbeddedPostgres postgres() {
        return postgres;
    }

    ConfigurableApplicationContext server() {
        return server;
    }

    /** The bootstrap admin token of this run, every client's bearer token. */
    String adminToken() {
        return ADMIN_TOKEN;
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
