package io.seamless.security.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of an API token, {@code slt_<id>_<secret>}: a public id to find its row (16 base-32
 * characters, 80 bits) and a secret of 256 random bits (43 base64url characters). The prefix lets
 * a bearer token be told from a JWT, and secret scanners find leaked ones.
 */
final class TokenSecrets {

    static final String PREFIX = "slt_";
    private static final Pattern SHAPE = Pattern.compile("slt_([a-z2-7]{16})_([A-Za-z0-9_-]{43})");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    /** A token as its holder sees it, and the two parts the server keeps apart. */
    record Parsed(String id, String secret) {
        String token() {
            return PREFIX + id + "_" + secret;
        }
    }

    static Parsed generate() {
        StringBuilder id = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            id.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new Parsed(id.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    static Optional<Parsed> parse(String token) {
        Matcher matcher = SHAPE.matcher(token);
        return matcher.matches() ? Optional.of(new Parsed(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    static boolean looksLikeApiToken(String token) {
        return token.startsWith(PREFIX);
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Compares in constant time, so the answer's timing tells nothing about how close a guess was. */
    static boolean matches(String secret, String expectedHash) {
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
