package io.seamless.reactors.reconcile;

import io.seamless.reactors.render.CredentialKey;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generates a credential the one time a group's Secret lacks it, from a {@link SecureRandom}: passwords of letters
 * and digits only (safe unquoted in every engine's config syntax), a MongoDB key file, a KRaft cluster id.
 */
public final class CredentialGenerator {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** 32 of 62 symbols: about 190 bits. */
    private static final int PASSWORD_LENGTH = 32;
    /** 756 random bytes, as MongoDB's documentation generates them: 1008 base64 characters, under its 1024. */
    private static final int KEYFILE_BYTES = 756;

    private final SecureRandom random;

    public CredentialGenerator(SecureRandom random) {
        this.random = random;
    }

    public CredentialGenerator() {
        this(new SecureRandom());
    }

    public String generate(CredentialKey.Kind kind) {
        return switch (kind) {
            case PASSWORD -> password();
            case KEYFILE -> Base64.getEncoder().encodeToString(bytes(KEYFILE_BYTES));
            case CLUSTER_ID -> clusterId();
        };
    }

    private String password() {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** A random (version 4) UUID as 22 characters of unpadded URL-safe base64, like {@code kafka-storage}. */
    private String clusterId() {
        byte[] uuid = bytes(16);
        uuid[6] = (byte) (uuid[6] & 0x0f | 0x40);
        uuid[8] = (byte) (uuid[8] & 0x3f | 0x80);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(uuid);
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
