package io.seamless.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.seamless.server.verify.VerifyCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The offline verifier against the running control plane's Kafka, with nothing but the public key: the
 * history it wrote is intact; a forged digest appended to the topic is caught. Same configuration as
 * {@link ControlPlaneEndToEndTest}, so it shares its server (and runs its forgery last in its own test).
 */
@SpringBootTest(classes = SeamlessServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seamless.data-dir=target/test-data/end-to-end", "seamless.kafka.embedded.port=0"})
class OfflineVerificationTest {

    static {
        TestData.wipeOnce("target/test-data/end-to-end");
    }

    private TestRestTemplate http;
    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Autowired
    void callAsAdmin(TestRestTemplate template) {
        this.http = TestCaller.asAdmin(template);
    }

    @Test
    void theHistoryOnKafkaVerifiesWithThePublicKeyAloneAndAForgedDigestIsCaught() {
        assertThat(http.postForEntity("/api/v1/ip-pools", Map.of("name", "verify-net", "cidr", "10.44.0.0/24",
                "gateway", "10.44.0.1", "cniMode", "calico", "network", "calico-verify"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        http.postForEntity("/api/v1/ip-pools/verify-net/allocations", Map.of("unit", "verify-0"), String.class);
        String[] digest = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var answer = http.postForEntity("/api/v1/audit/digests", null, String.class);
            digest[0] = answer.getStatusCode() == HttpStatus.CREATED ? answer.getBody() : digest[0];
            return digest[0] != null && digest[0].contains("verify-net");
        });
        // The digest may vouch for events the publisher has not put on Kafka yet: it soon will.
        await().atMost(Duration.ofSeconds(60)).until(() -> verify().startsWith("0\n"));
        assertThat(verify()).contains("INTACT");

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new StringSerializer())) {
            String forged = digest[0].replaceFirst("\"hash\":\"[0-9a-f]{64}\"", "\"hash\":\"" + "e".repeat(64) + "\"");
            producer.send(new ProducerRecord<>("seamless.audit.digests", "digests", forged));
        }
        String afterForgery = verify();
        assertThat(afterForgery).startsWith("1\n").contains("forged");
    }

    @Test
    void anExportVerifiesOfflineAndAnEditedOneDoesNot() throws Exception {
        assertThat(http.postForEntity("/api/v1/ip-pools", Map.of("name", "export-net", "cidr", "10.45.0.0/24",
                "gateway", "10.45.0.1", "cniMode", "calico", "network", "calico-export"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        http.postForEntity("/api/v1/ip-pools/export-net/allocations", Map.of("unit", "export-0"), String.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> String.valueOf(http.postForEntity("/api/v1/audit/digests",
                null, String.class).getBody()).contains("export-net"));

        String jsonLines = http.getForObject("/api/v1/audit/export?ipPool=export-net", String.class);
        assertThat(jsonLines.lines()).hasSizeGreaterThanOrEqualTo(3)
                .anyMatch(line -> line.contains("\"actor\":\"apitoken:bootstrap-admin\""));
        Path export = Files.createTempFile("export", ".jsonl");
        Files.writeString(export, jsonLines);
        assertThat(verify("--export=" + export)).startsWith("0\n").contains("INTACT");
        Files.writeString(export, jsonLines.replace("export-0", "export-9"));
        assertThat(verify("--export=" + export)).startsWith("1\n").contains("altered");
        Files.delete(export);

        String csv = http.getForObject("/api/v1/audit/export?ipPool=export-net&format=csv", String.class);
        assertThat(csv.split("\r\n")).hasSize(jsonLines.lines().toList().size() + 1);
        assertThat(csv).startsWith("record,topic,subject,sequence,time,type,id,source,actor,reason,ticket,")
                .contains(",\"{\"\"pool\"\":\"\"export-net\"\",");
    }

    /** The exit status, a line break, and what the verifier printed. */
    private String verify() {
        return verify("--bootstrap-servers=" + bootstrapServers);
    }

    private String verify(String source) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = VerifyCommand.run(new String[] {source,
            "--public-key=target/test-data/end-to-end/audit/digest-signing.pub"},
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        return status + "\n" + printed.toString(StandardCharsets.UTF_8);
    }
}
