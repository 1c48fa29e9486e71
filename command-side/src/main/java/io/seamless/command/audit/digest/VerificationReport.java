package io.seamless.command.audit.digest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of a verification: how many events the chain holds, the first one that breaks it (if any)
 * and what the newest signed digest says of it.
 *
 * @param intact          the chain is unbroken and the digest, if any, is genuine and agrees with it
 * @param events          events read from the store
 * @param firstBroken     the first event that breaks the chain; null when none does
 * @param digest          the newest digest covering this chain; null when none does yet
 * @param uncoveredEvents events newer than the newest digest's head (they wait for the next digest)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationReport(String topic, String subject, boolean intact, long events, Broken firstBroken,
                                 DigestCheck digest, long uncoveredEvents) {

    /**
     * Where and how the chain breaks: {@code altered} (the event's recomputed hash is not its stored one),
     * {@code unlinked} (its prevhash is not the previous event's hash: an event before it was dropped,
     * reordered or altered), {@code missing} (a sequence number is absent), {@code unreadable}.
     */
    public record Broken(long sequence, String problem, String expected, String found) {
    }

    /**
     * @param signatureValid the Ed25519 signature verifies with this server's public key
     * @param linked         its previousDigest is the hash of the digest stored before it
     * @param headSequence   the head of this chain the digest vouches for
     * @param headMatches    the event at that sequence has the hash the digest signed
     */
    public record DigestCheck(long sequence, boolean signatureValid, boolean linked, long headSequence,
                              boolean headMatches) {

        boolean genuine() {
            return signatureValid && linked && headMatches;
        }
    }
}
