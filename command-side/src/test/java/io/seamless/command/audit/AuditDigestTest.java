package io.seamless.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seamless.command.audit.digest.AuditDigest;
import io.seamless.command.audit.digest.SigningKeys;
import io.seamless.schemas.RecordSchema;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Signed digests and verification: a digest vouches for the chain heads, is published and verifies with
 * the served public key alone; altering one byte of an event, dropping one, reordering two and forging a
 * digest are each caught and located.
 */
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.datasource.url=jdbc:h2:mem:auditdigest;DB_CLOSE_DELAY=-1",
    "seamless.data-dir=target/test-data/audit-digest"})
@EmbeddedKafka(kraft = true, partitions = 1)
@AutoConfigureMockMvc
class AuditDigestTest {

    private final ObjectMapper json = new ObjectMapper();
    @Autowired
    private MockMvc mvc;
    @Autowired
    private JdbcClient jdbc;
    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    @Test
    void aDigestVouchesForTheHeadsAndVerifiesWithThePublicKeyAlone() throws Exception {
        poolWithAllocations("sign-net", "10.71.0.0/24", 3);
        JsonNode digest = digestCovering("sign-net", 3);
        verify("sign-net").andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.events").value(4)).andExpect(jsonPath("$.uncoveredEvents").value(0))
                .andExpect(jsonPath("$.digest.signatureValid").value(true))
                .andExpect(jsonPath("$.digest.headMatches").value(true));

        PublicKey key = publicKey(mvc.perform(get("/api/v1/audit/public-key")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        String published = publishedDigest(digest.get("sequence").asLong());
        AuditDigest parsed = json.readValue(published, AuditDigest.class);
        assertThat(SigningKeys.verify(key, parsed.signedBytes(), parsed.signature())).isTrue();
        AuditDigest forged = json.readValue(published.replace("sign-net", "sigm-net"), AuditDigest.class);
        assertThat(SigningKeys.verify(key, forged.signedBytes(), forged.signature())).isFalse();
    }

    @Test
    void everyPublishedDigestIsValidAgainstItsPublishedSchema() throws Exception {
        poolWithAllocations("schema-net", "10.76.0.0/24", 2);
        long sequence = digestCovering("schema-net", 2).get("sequence").asLong();
        RecordSchema schema = RecordSchema.auditDigest();

        List<ConsumerRecord<String, String>> published = publishedDigests(sequence);
        assertThat(published).isNotEmpty().allSatisfy(record -> {
            assertThat(record.key()).isEqualTo("digests");
            assertThat(schema.validate(json.readTree(record.value()))).as("violations of %s", record.value()).isEmpty();
        });
        ObjectNode digest = (ObjectNode) json.readTree(published.get(published.size() - 1).value());
        assertThat(schema.validate(digest.deepCopy().without("signature"))).isNotEmpty();
        assertThat(schema.validate(digest.deepCopy().put("createdAt", "2026-11-25 17:40:00"))).isNotEmpty();
        assertThat(schema.validate(digest.deepCopy().put("keyId", "not-a-key-id"))).isNotEmpty();
    }

    @Test
    void oneAlteredByteIsFoundAndLocated() throws Exception {
        poolWithAllocations("alter-net", "10.72.0.0/24", 3);
        digestCovering("alter-net", 3);
        byte[] payload = jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = 'alter-net'"
                + " AND sequence_number = 2").query(byte[].class).single();
        String altered = new String(payload, StandardCharsets.UTF_8).replace("u-1", "u-7");
        assertThat(altered).isNotEqualTo(new String(payload, StandardCharsets.UTF_8));
        jdbc.sql("UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = 'alter-net'"
                + " AND sequence_number = 2").param(altered.getBytes(StandardCharsets.UTF_8)).update();
        verify("alter-net").andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstBroken.sequence").value(2))
                .andExpect(jsonPath("$.firstBroken.problem").value("altered"))
                .andExpect(jsonPath("$.digest.headMatches").value(true));
    }

    @Test
    void aDroppedEventAndTwoReorderedOnesAreFound() throws Exception {
        poolWithAllocations("drop-net", "10.73.0.0/24", 3);
        jdbc.sql("DELETE FROM domain_event_entry WHERE aggregate_identifier = 'drop-net' AND sequence_number = 1")
                .update();
        verify("drop-net").andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstBroken.sequence").value(1))
                .andExpect(jsonPath("$.firstBroken.problem").value("missing"));

        poolWithAllocations("swap-net", "10.74.0.0/24", 3);
        jdbc.sql("UPDATE domain_event_entry SET sequence_number = 99 WHERE aggregate_identifier = 'swap-net'"
                + " AND sequence_number = 1").update();
        jdbc.sql("UPDATE domain_event_entry SET sequence_number = 1 WHERE aggregate_identifier = 'swap-net'"
                + " AND sequence_number = 2").update();
        jdbc.sql("UPDATE domain_event_entry SET sequence_number = 2 WHERE aggregate_identifier = 'swap-net'"
                + " AND sequence_number = 99").update();
        verify("swap-net").andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstBroken.sequence").value(1))
                .andExpect(jsonPath("$.firstBroken.problem").value("unlinked"));
    }

    @Test
    void aForgedDigestIsFound() throws Exception {
        poolWithAllocations("forge-net", "10.75.0.0/24", 2);
        JsonNode digest = digestCovering("forge-net", 2);
        long sequence = digest.get("sequence").asLong();
        String document = jdbc.sql("SELECT document FROM audit_digest WHERE digest_sequence = ?").param(sequence)
                .query(String.class).single();
        String head = digest.get("heads").findValue("hash").asText();
        jdbc.sql("UPDATE audit_digest SET document = ? WHERE digest_sequence = ?")
                .params(document.replace(head, "f".repeat(64)), sequence).update();
        try {
            verify("forge-net").andExpect(jsonPath("$.intact").value(false))
                    .andExpect(jsonPath("$.firstBroken").doesNotExist())
                    .andExpect(jsonPath("$.digest.signatureValid").value(false));
        } finally {
            // A forged digest also unlinks every later one: put it back for the other tests of this database.
            jdbc.sql("UPDATE audit_digest SET document = ? WHERE digest_sequence = ?").params(document, sequence).update();
        }
    }

    @Test
    void verifyNeedsExactlyOneKnownHistory() throws Exception {
        mvc.perform(get("/api/v1/audit/verify")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://seamless.io/problems/invalid-request"));
        verify("never-net").andExpect(status().isNotFound());
    }

    private void poolWithAllocations(String pool, String cidr, int allocations) throws Exception {
        String gateway = cidr.replace(".0/24", ".1");
        postJson("/api/v1/ip-pools", "{\"name\": \"" + pool + "\", \"cidr\": \"" + cidr + "\", \"gateway\": \""
                + gateway + "\", \"cniMode\": \"calico\", \"network\": \"n-" + pool + "\"}").andExpect(status().isCreated());
        for (int i = 0; i < allocations; i++) {
            postJson("/api/v1/ip-pools/" + pool + "/allocations", "{\"unit\": \"u-" + i + "\"}")
                    .andExpect(status().isCreated());
        }
    }

    /** Asks for digests until one covers the pool's head at this sequence (the tracker runs behind). */
    private JsonNode digestCovering(String pool, long headSequence) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String body = mvc.perform(post("/api/v1/audit/digests")).andReturn().getResponse().getContentAsString();
            if (body.isEmpty()) {
                return false;
            }
            JsonNode digest = json.readTree(body);
            for (JsonNode head : digest.get("heads")) {
                if (head.get("subject").asText().equals(pool) && head.get("sequence").asLong() == headSequence) {
                    found[0] = digest;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private String publishedDigest(long sequence) throws Exception {
        List<ConsumerRecord<String, String>> published = publishedDigests(sequence);
        return published.get(published.size() - 1).value();
    }

    /** The records of the digest topic from the first up to the digest with this sequence, as published. */
    private List<ConsumerRecord<String, String>> publishedDigests(long sequence) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("seamless.audit.digests"));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    found.add(record);
                    if (json.readTree(record.value()).get("sequence").asLong() == sequence) {
                        return true;
                    }
                }
                return false;
            });
            return found;
        }
    }

    private static PublicKey publicKey(String pem) throws Exception {
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    private ResultActions verify(String pool) throws Exception {
        return mvc.perform(get("/api/v1/audit/verify").param("ipPool", pool));
    }

    private ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
