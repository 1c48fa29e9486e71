package io.seamless.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

/**
 * The hash chain of every aggregate's events (DESIGN.md, Tamper evidence): {@code hash} is the
 * lowercase hex SHA-256 of the event's canonical JSON, which includes {@code prevhash}, the hash
 * of the aggregate's previous event ({@link #GENESIS} before its first). Computed from the public
 * form only, so anyone holding the Kafka topics can recompute it.
 *
 * <p>Canonical JSON: one object, keys sorted by code point at every level, no whitespace, with the
 * CloudEvent attributes {@code id, source, type, subject, time} (RFC 3339, UTC, milliseconds) and the extensions
 * {@code sequence} (a number), {@code actor, reason, ticket, correlationid, causationid, prevhash}
 * (each only when present), and the event's {@code data}. Data holds strings, integers, booleans,
 * arrays and objects only (no floating-point numbers, whose text form is not canonical).
 */
public final class EventHashes {

    /** The {@code prevhash} of an aggregate's first event. */
    public static final String GENESIS = "0".repeat(64);

    /** The attributes the hash covers, besides {@code data}; {@code hash} itself never is. */
    public static final Set<String> COVERED = Set.of("id", "source", "type", "subject", "time", "sequence",
            "actor", "reason", "ticket", "correlationid", "causationid", "prevhash");

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private EventHashes() {
    }

    /**
     * The hash of one event. {@code attributes} holds the covered attributes as their text (as
     * Kafka headers carry them; {@code time} in any RFC 3339 form); others are ignored.
     */
    public static String hash(Map<String, String> attributes, JsonNode data) {
        Map<String, Object> canonical = new TreeMap<>();
        attributes.forEach((name, value) -> {
            if (COVERED.contains(name) && value != null) {
                canonical.put(name, canonicalValue(name, value));
            }
        });
        canonical.put("data", sorted(data));
        return sha256(canonicalJson(canonical));
    }

    /**
     * {@code sequence} is a number; {@code time} is RFC 3339 in UTC at millisecond precision, the
     * precision the event store keeps, so that the producer's and a subscriber's forms agree.
     */
    private static Object canonicalValue(String name, String value) {
        return switch (name) {
            case "sequence" -> Long.valueOf(value);
            case "time" -> OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MILLIS).toString();
            default -> value;
        };
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            return fields;
        }
        if (node.isArray()) {
            return StreamSupport.stream(node.spliterator(), false).map(EventHashes::sorted).toList();
        }
        if (node.isFloatingPointNumber()) {
            throw new IllegalArgumentException("event data with a floating-point number has no canonical form");
        }
        return node;
    }

    /**
     * The canonical JSON of any document (keys sorted at every level, no whitespace, no floating-point
     * numbers): what the signed audit digests are signed over, so a verifier rebuilds the same bytes.
     */
    public static byte[] canonicalBytes(JsonNode document) {
        return canonicalJson(sorted(document));
    }

    /** Lowercase hex SHA-256. */
    public static String sha256Hex(byte[] bytes) {
        return sha256(bytes);
    }

    private static byte[] canonicalJson(Object canonical) {
        try {
            return CANONICAL.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write canonical JSON", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
