package io.seamless.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs every {@code bash} block of docs/automation.md, in order, as one script against a fresh server,
 * as its reader would: the page's own {@code expect} helper fails the script on any other status than
 * the one the page promises.
 */
@SpringBootTest(classes = SeamlessServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seamless.data-dir=target/test-data/automation-guide", "seamless.kafka.embedded.port=0"})
class AutomationGuideTest {

    private static final Path GUIDE = Path.of("../docs/automation.md");
    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    static {
        TestData.wipe("target/test-data/automation-guide");
    }

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void everyExampleOfTheAutomationGuideDoesWhatThePageSays() throws Exception {
        assumeTrue(onPath("bash") && onPath("curl"), "the guide's examples need bash and curl");
        List<String> blocks = bashBlocks();
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(6);
        Path script = Files.createTempFile("automation-guide", ".sh");
        Files.writeString(script, "set -euo pipefail\n" + String.join("\n", blocks));

        ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        bash.environment().put("SEAMLESS_URL", "http://127.0.0.1:" + port);
        bash.environment().put("SEAMLESS_TOKEN", TestCaller.ADMIN_TOKEN);
        Process run = bash.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(output).isZero();

        String metadata = jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = 'orders-net'"
                + " AND sequence_number = 0").query((rs, row) -> new String(rs.getBytes(1), StandardCharsets.UTF_8))
                .single();
        assertThat(metadata).contains("\"actor\":\"apitoken:deploy-pipeline\"", "\"ticket\":\"CHG-1001\"",
                "\"correlationId\":\"deploy-7731\"");
        Files.delete(script);
    }

    private static List<String> bashBlocks() throws IOException {
        Matcher block = BASH_BLOCK.matcher(Files.readString(GUIDE));
        List<String> blocks = new ArrayList<>();
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder("which", command).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
