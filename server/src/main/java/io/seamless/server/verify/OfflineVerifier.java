package io.seamless.server.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamless.command.audit.digest.AuditDigest;
import io.seamless.command.audit.digest.SigningKeys;
import io.seamless.schemas.EventHashes;
import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies the history from what any subscriber holds, trusting nothing of the control plane: the event
 * topics and the digest topic, and the public key. Every chain: each event's hash recomputed from its public
 * form, each link, no sequence missing. Every digest: its signature, its link to the digest before, no
 * digest missing, and every head it signed equal to the event on the topic. Reports every problem found,
 * first the first broken event of each chain.
 */
final class OfflineVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OfflineVerifier() {
    }

    /** What was checked and what is wrong; intact when nothing is. */
    record Report(int chains, long events, int digests, List<String> problems) {
        boolean intact() {
            return problems.isEmpty();
        }
    }

    /** The whole history, as the topics hold it: chains from their first event, digests from the first. */
    static Report verify(List<PublishedEvent> events, List<String> digests, PublicKey key) {
        return verify(events, digests, key, true);
    }

    /**
     * An export: a time range of one chain, and the digests covering it. A chain may start after its first event
     * (its first exported event is linked to the ones after it, and proven by any signed head at or after it);
     * digests need not be contiguous, and heads outside the exported range are not checked.
     */
    static Report verifyExport(List<PublishedEvent> events, List<String> digests, PublicKey key) {
        return verify(events, digests, key, false);
    }

    private static Report verify(List<PublishedEvent> events, List<String> digests, PublicKey key, boolean whole) {
        List<String> problems = new ArrayList<>();
        Map<String, List<PublishedEvent>> chains = new TreeMap<>();
        events.forEach(event -> chains.computeIfAbsent(event.chain(), chain -> new ArrayList<>()).add(event));
        Map<String, String> hashes = new HashMap<>();
        chains.forEach((chain, members) -> checkChain(chain, members, hashes, problems, whole));
        checkDigests(digests, hashes, key, problems, whole);
        return new Report(chains.size(), events.size(), digests.size(), List.copyOf(problems));
    }

    private static void checkChain(String chain, List<PublishedEvent> members, Map<String, String> hashes,
                                   List<String> problems, boolean whole) {
        members.sort(Comparator.comparingLong(PublishedEvent::sequence));
        String previous = whole ? EventHashes.GENESIS : members.get(0).attributes().get("prevhash");
        long expected = whole ? 0 : members.get(0).sequence();
        boolean broken = false;
        for (PublishedEvent event : members) {
            String recomputed = EventHashes.hash(event.attributes(), event.data());
            hashes.put(chain + "@" + event.sequence(), recomputed);
            String problem = event.sequence() != expected ? "missing: expected sequence " + expected + ", found "
                    + event.sequence()
                    : !previous.equals(event.attributes().get("prevhash")) ? "unlinked: prevhash "
                    + event.attributes().get("prevhash") + " is not the previous event's hash " + previous
                    : !recomputed.equals(event.attributes().get("hash")) ? "altered: hash "
                    + event.attributes().get("hash") + " recomputed as " + recomputed : null;
            if (problem != null && !broken) {
                problems.add(chain + " sequence " + event.sequence() + ": " + problem);
                broken = true;
            }
            previous = event.attributes().get("hash");
            expected = event.sequence() + 1;
        }
    }

    private static void checkDigests(List<String> documents, Map<String, String> hashes, PublicKey key,
                                     List<String> problems, boolean whole) {
        String previous = EventHashes.GENESIS;
        long expected = 0;
        for (String document : documents) {
            AuditDigest digest = parse(document, problems);
            if (digest == null || resent(digest, expected, previous)) {
                continue;
            }
            String where = "digest " + digest.sequence();
            if (!SigningKeys.verify(key, digest.signedBytes(), digest.signature())) {
                problems.add(where + ": forged (its signature does not verify with the public key)");
            }
            if (!whole) {
                checkHeads(where, digest, hashes, problems, false);
                continue;
            }
            if (digest.sequence() != expected) {
                problems.add(where + ": digest " + expected + " is missing");
            } else if (!previous.equals(digest.previousDigest())) {
                problems.add(where + ": previousDigest " + digest.previousDigest() + " is not digest "
                        + (expected - 1) + "'s hash " + previous);
            }
            checkHeads(where, digest, hashes, problems, true);
            previous = digest.hash();
            expected = digest.sequence() + 1;
        }
    }

    /** Every head the digest signed against the event held; {@code all} false: only the events held. */
    private static void checkHeads(String where, AuditDigest digest, Map<String, String> hashes, List<String> problems,
                                   boolean all) {
        for (AuditDigest.Head head : digest.heads()) {
            String found = hashes.get(head.topic() + "/" + head.subject() + "@" + head.sequence());
            if ((all || found != null) && !head.hash().equals(found)) {
                problems.add(where + " vouches for " + head.topic() + "/" + head.subject() + " sequence "
                        + head.sequence() + " with hash " + head.hash() + ", the topic has "
                        + (found == null ? "no such event" : found));
            }
        }
    }

    /** The same digest sent again after a crash between sending and recording it: harmless. */
    private static boolean resent(AuditDigest digest, long expected, String previous) {
        return digest.sequence() == expected - 1 && digest.hash().equals(previous);
    }

    private static AuditDigest parse(String document, List<String> problems) {
        try {
            return JSON.readValue(document, AuditDigest.class);
        } catch (IOException e) {
            problems.add("a digest record is not a digest: " + e.getMessage());
            return null;
        }
    }
}
