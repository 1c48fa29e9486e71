package io.seamless.server.verify;

import io.seamless.command.audit.digest.SigningKeys;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar seamless-server-exec.jar verify --bootstrap-servers=host:9092 --public-key=digest-signing.pub}:
 * the offline verifier. Needs nothing but Kafka and the public key (no database, no Seamless process); exit
 * status 0 when the whole history is intact, 1 when something is broken (each problem printed), 2 on bad usage.
 * Extra {@code --kafka.<name>=<value>} arguments go to the Kafka consumer (TLS, SASL). With
 * {@code --export=FILE.jsonl} instead, it verifies an audit export (GET /api/v1/audit/export) the same way.
 */
public final class VerifyCommand {

    static final List<String> EVENT_TOPICS = List.of("seamless.events.ippool", "seamless.events.cluster",
            "seamless.events.servicegroup");
    static final String DIGEST_TOPIC = "seamless.audit.digests";

    private VerifyCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        Map<String, String> options = new HashMap<>();
        Map<String, Object> kafka = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                return usage(out, "not an option: " + arg);
            }
            String name = arg.substring(2, equals);
            if (name.startsWith("kafka.")) {
                kafka.put(name.substring(6), arg.substring(equals + 1));
            } else {
                options.put(name, arg.substring(equals + 1));
            }
        }
        if (options.containsKey("export") && options.containsKey("public-key")) {
            return verifyExport(Path.of(options.get("export")), Path.of(options.get("public-key")), out);
        }
        if (!options.containsKey("bootstrap-servers") || !options.containsKey("public-key")) {
            return usage(out, "--public-key and either --bootstrap-servers or --export are required");
        }
        try (TopicReader reader = new TopicReader(options.get("bootstrap-servers"), kafka)) {
            List<PublishedEvent> events = new ArrayList<>();
            for (String topic : EVENT_TOPICS) {
                events.addAll(reader.events(topic));
            }
            OfflineVerifier.Report report = OfflineVerifier.verify(events, reader.values(DIGEST_TOPIC),
                    publicKey(Path.of(options.get("public-key"))));
            return print(report, out);
        } catch (Exception e) {
            out.println("verify: cannot read the history: " + e);
            return 2;
        }
    }

    private static int verifyExport(Path export, Path publicKey, PrintStream out) {
        try {
            ExportFile file = ExportFile.read(export);
            return print(OfflineVerifier.verifyExport(file.events(), file.digests(), publicKey(publicKey)), out);
        } catch (Exception e) {
            out.println("verify: cannot read the export " + export + ": " + e);
            return 2;
        }
    }

    private static int print(OfflineVerifier.Report report, PrintStream out) {
        out.printf("Read %d events in %d chains and %d digests.%n", report.events(), report.chains(), report.digests());
        if (report.intact()) {
            out.println("INTACT: every event's hash and link, every digest's signature and link, every signed head.");
            return 0;
        }
        report.problems().forEach(problem -> out.println("BROKEN " + problem));
        return 1;
    }

    static PublicKey publicKey(Path pem) throws Exception {
        return SigningKeys.readPublicKey(pem);
    }

    private static int usage(PrintStream out, String problem) {
        out.println("verify: " + problem);
        out.println("usage: java -jar seamless-server-exec.jar verify --bootstrap-servers=HOST:PORT"
                + " --public-key=FILE.pem [--kafka.<consumer property>=<value> ...]");
        out.println("       java -jar seamless-server-exec.jar verify --export=FILE.jsonl --public-key=FILE.pem");
        return 2;
    }
}
