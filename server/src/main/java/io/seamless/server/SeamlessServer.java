package io.seamless.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one runnable: every role ({@code command}, {@code projections}, {@code reactors}) in one
 * process by default, with embedded infrastructure when nothing else is configured (Kafka broker,
 * H2 event store under {@code ./data}). Select roles with {@code seamless.roles}.
 */
// io.seamless.security is not scanned: it is an auto-configuration (API tokens, roles), which also
// brings its own controller, and scanning it too would register that twice.
@SpringBootApplication(scanBasePackages = {"io.seamless.server", "io.seamless.command", "io.seamless.projections",
    "io.seamless.reactors"})
public class SeamlessServer {

    public static void main(String[] args) {
        SpringApplication.run(SeamlessServer.class, args);
    }
}
