package io.seamless.reactors.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells drift from change: what each object was rendered as when this reactor last saw it in sync, as a digest.
 * A write is a correction when the rendering is the same as then (the desired state did not move, the live object
 * did); a new rendering is an ordinary change. Kept in memory: after a restart or a leader change the first
 * reconcile still restores everything, but reports it as changes, not corrections.
 */
final class DriftMemory {

    private final Map<String, Map<String, String>> byGroup = new ConcurrentHashMap<>();

    /** Whether {@code desired} is exactly what this object was rendered as when last in sync. */
    boolean sameAsLastTime(String group, HasMetadata desired) {
        String remembered = byGroup.getOrDefault(group, Map.of()).get(key(desired));
        return remembered != null && remembered.equals(digest(desired));
    }

    /** Replaces what is remembered of {@code group}: its objects by {@link #key}, as digests. */
    void remember(String group, Map<String, String> digests) {
        if (digests.isEmpty()) {
            byGroup.remove(group);
        } else {
            byGroup.put(group, Map.copyOf(digests));
        }
    }

    static String key(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

    static String digest(HasMetadata desired) {
        try {
            byte[] json = Serialization.asJson(desired).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
