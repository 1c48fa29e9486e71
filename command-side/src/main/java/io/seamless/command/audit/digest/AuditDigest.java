package io.seamless.command.audit.digest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seamless.schemas.EventHashes;
import java.util.List;

/**
 * A signed digest, as published on {@code seamless.audit.digests}: the newest hash of every chain that
 * moved since the previous digest, that digest's hash, and an Ed25519 signature over the canonical JSON
 * of all the other fields. Like CloudTrail's digest files: a chain of signed statements, each naming
 * the one before, so a deleted or forged digest shows as well as an altered event.
 *
 * @param sequence       0 for the first digest, then one more each time
 * @param previousDigest {@link #hash()} of the digest before ({@link EventHashes#GENESIS} for the first)
 * @param keyId          the first 16 hex digits of the SHA-256 of the public key (X.509 form)
 * @param signature      base64 Ed25519 signature over {@link #signedBytes()}; null until signed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"apiVersion", "kind", "sequence", "createdAt", "previousDigest", "keyId", "heads", "signature"})
public record AuditDigest(String apiVersion, String kind, long sequence, String createdAt, String previousDigest,
                          String keyId, List<Head> heads, String signature) {

    static final String API_VERSION = "seamless.io/v1";
    static final String KIND = "AuditDigest";
    private static final ObjectMapper JSON = new ObjectMapper();

    public AuditDigest {
        heads = List.copyOf(heads);
    }

    /** The newest event of one aggregate's chain: where it is published, and its hash. */
    @JsonPropertyOrder({"topic", "subject", "sequence", "hash"})
    public record Head(String topic, String subject, long sequence, String hash) {
    }

    /** What the signature covers: the canonical JSON of every field but {@code signature}. */
    public byte[] signedBytes() {
        ObjectNode unsigned = JSON.valueToTree(this);
        unsigned.remove("signature");
        return EventHashes.canonicalBytes(unsigned);
    }

    /** The digest's own hash, which the next digest names as {@code previousDigest}. */
    public String hash() {
        return EventHashes.sha256Hex(signedBytes());
    }

    AuditDigest signed(String signature) {
        return new AuditDigest(apiVersion, kind, sequence, createdAt, previousDigest, keyId, heads, signature);
    }
}
