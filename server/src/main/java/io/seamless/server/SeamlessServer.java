package io.seamless.server;

import io.seamless.server.verify.VerifyCommand;
import java.util.Arrays;
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

    /** Starts the server; {@code verify ...} runs the offline verifier instead (see {@link VerifyCommand}). */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("verify")) {
            System.exit(VerifyCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(SeamlessServer.class, args);
    }
}
