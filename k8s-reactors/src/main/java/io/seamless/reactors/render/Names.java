package io.seamless.reactors.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Deterministic names of the objects of a group. Every name is a DNS-1123 label of at most 63 characters (what a
 * Pod's hostname, a label value and a Service name all accept); a name that had to be shortened or cleaned gets the
 * first 8 hex digits of the SHA-256 of the name it would have had, so that two long names never collide and the
 * same input always gives the same name.
 */
public final class Names {

    static final int MAX_LENGTH = 63;
    private static final int HASH_LENGTH = 8;

    private Names() {
    }

    /** A Unit, its Pod and the value of its {@code seamless.io/unit} label: the unit's id. */
    public static String unit(String unitId) {
        return label(unitId);
    }

    /** The headless Service of one function type of a group: {@code <group>-<service>}. */
    public static String headlessService(String group, String service) {
        String name = group + "-" + service;
        // A Service name is a DNS-1035 label: it may not start with a digit, which a group name may.
        return label(Character.isDigit(name.charAt(0)) ? "s-" + name : name);
    }

    /** A unit's configuration files: {@code <unit>-config}. */
    public static String configMap(String unitName) {
        return label(unitName + "-config");
    }

    /** A group's generated credentials in one cluster: {@code <group>-credentials}. */
    public static String credentials(String group) {
        return label(group + "-credentials");
    }

    /** {@code raw} as a DNS-1123 label: unchanged when it is one, otherwise cleaned, cut and suffixed. */
    static String label(String raw) {
        String clean = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("^-+|-+$", "");
        if (clean.equals(raw) && clean.length() <= MAX_LENGTH) {
            return clean;
        }
        String head = clean.substring(0, Math.min(clean.length(), MAX_LENGTH - HASH_LENGTH - 1))
                .replaceAll("-+$", "");
        return (head.isEmpty() ? "" : head + "-") + hash(raw);
    }

    private static String hash(String raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
