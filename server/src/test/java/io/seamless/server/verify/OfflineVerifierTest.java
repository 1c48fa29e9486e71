package io.seamless.server.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamless.command.audit.digest.AuditDigest;
import io.seamless.schemas.EventHashes;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The offline checks on histories built here: intact, and each kind of tampering located. */
class OfflineVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "seamless.events.ippool";
    private final KeyPair key = ed25519();

    @Test
    void anIntactHistoryWithItsDigestsIsIntact() throws Exception {
        List<PublishedEvent> chain = chain("a-net", 3);
        String first = digest(0, EventHashes.GENESIS, chain.get(1));
        List<String> digests = List.of(first, digest(1, JSON.readValue(first, AuditDigest.class).hash(), chain.get(2)));
        OfflineVerifier.Report report = OfflineVerifier.verify(chain, digests, key.getPublic());
        assertThat(report.problems()).isEmpty();
        assertThat(report.events()).isEqualTo(3);
        assertThat(report.digests()).isEqualTo(2);
    }

    @Test
    void anAlteredADroppedAndTwoReorderedEventsAreLocated() throws Exception {
        List<PublishedEvent> altered = chain("b-net", 3);
        altered.set(1, new PublishedEvent(TOPIC, altered.get(1).attributes(),
                JSON.readTree("{\"pool\": \"b-net\", \"unit\": \"u-9\", \"address\": \"10.0.0.3\"}")));
        assertThat(OfflineVerifier.verify(altered, List.of(), key.getPublic()).problems())
                .containsExactly(TOPIC + "/b-net sequence 1: altered: hash " + altered.get(1).attributes().get("hash")
                        + " recomputed as " + EventHashes.hash(altered.get(1).attributes(), altered.get(1).data()));

        List<PublishedEvent> dropped = chain("c-net", 3);
        dropped.remove(1);
        assertThat(OfflineVerifier.verify(dropped, List.of(), key.getPublic()).problems()).singleElement()
                .asString().startsWith(TOPIC + "/c-net sequence 2: missing: expected sequence 1");

        List<PublishedEvent> reordered = chain("d-net", 3);
        reordered.get(1).attributes().put("sequence", "2");
        reordered.get(2).attributes().put("sequence", "1");
        assertThat(OfflineVerifier.verify(reordered, List.of(), key.getPublic()).problems()).singleElement()
                .asString().startsWith(TOPIC + "/d-net sequence 1: unlinked");
    }

    @Test
    void aForgedAMissingAndAnUnfoundedDigestAreFound() throws Exception {
        List<PublishedEvent> chain = chain("e-net", 2);
        String genuine = digest(0, EventHashes.GENESIS, chain.get(1));
        String forged = genuine.replace(chain.get(1).attributes().get("hash"), "f".repeat(64));
        assertThat(OfflineVerifier.verify(chain, List.of(forged), key.getPublic()).problems())
                .anyMatch(problem -> problem.startsWith("digest 0: forged"))
                .anyMatch(problem -> problem.contains("vouches for " + TOPIC + "/e-net sequence 1"));
        String second = digest(1, JSON.readValue(genuine, AuditDigest.class).hash(), chain.get(1));
        assertThat(OfflineVerifier.verify(chain, List.of(second), key.getPublic()).problems())
                .containsExactly("digest 1: digest 0 is missing");
        assertThat(OfflineVerifier.verify(chain.subList(0, 1), List.of(genuine), key.getPublic()).problems())
                .singleElement().asString().endsWith("the topic has no such event");
    }

    /** A chain of allocations, hashed and linked as the command side does. */
    private static List<PublishedEvent> chain(String pool, int length) throws Exception {
        List<PublishedEvent> events = new ArrayList<>();
        String previous = EventHashes.GENESIS;
        for (int i = 0; i < length; i++) {
            Map<String, String> attributes = new HashMap<>(Map.of("id", pool + "-" + i, "source", "/seamless/command",
                    "type", "io.seamless.ippool.AddressAllocated.v1", "subject", pool, "time",
                    "2026-11-25T10:00:0" + i + ".000Z", "sequence", Integer.toString(i), "actor", "apitoken:ci",
                    "prevhash", previous));
            JsonNode data = JSON.readTree("{\"pool\": \"" + pool + "\", \"unit\": \"u-" + i + "\", \"address\": \"10.0.0."
                    + (i + 2) + "\"}");
            previous = EventHashes.hash(attributes, data);
            attributes.put("hash", previous);
            events.add(new PublishedEvent(TOPIC, attributes, data));
        }
        return events;
    }

    private String digest(long sequence, String previousDigest, PublishedEvent head) throws Exception {
        AuditDigest unsigned = new AuditDigest("seamless.io/v1", "AuditDigest", sequence, "2026-11-25T11:00:00.000Z",
                previousDigest, "k", List.of(new AuditDigest.Head(TOPIC, head.subject(), head.sequence(),
                        head.attributes().get("hash"))), null);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(unsigned.signedBytes());
        AuditDigest signed = new AuditDigest(unsigned.apiVersion(), unsigned.kind(), sequence, unsigned.createdAt(),
                previousDigest, "k", unsigned.heads(), Base64.getEncoder().encodeToString(signer.sign()));
        return JSON.writeValueAsString(signed);
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
