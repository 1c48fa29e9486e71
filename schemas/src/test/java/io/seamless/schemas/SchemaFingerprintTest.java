package io.seamless.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A published schema is never edited: subscribers hold it by its {@code dataschema}. The SHA-256 of
 * each published file is checked in ({@code src/test/resources/schema-fingerprints.txt}, the
 * format of {@code sha256sum}, run in {@code src/main/resources/schemas}); a file whose hash differs
 * fails the build. Line endings are normalized to LF before hashing, so a CRLF checkout still passes.
 */
class SchemaFingerprintTest {

    private static final String FINGERPRINTS = "src/test/resources/schema-fingerprints.txt";

    @Test
    void noPublishedSchemaChangedOrDisappearedAndEverySchemaIsFingerprinted() throws IOException {
        List<String> problems = problems(published(), actual());
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void aSchemaEditedInPlaceFailsWithAClearMessage() {
        Map<String, String> published = Map.of("ippool/AddressAllocated.v1.schema.json", "aa", "a/B.v1.schema.json",
                "bb");
        Map<String, String> actual = Map.of("ippool/AddressAllocated.v1.schema.json", "ff", "c/D.v1.schema.json",
                "cc");
        assertThat(problems(published, actual)).containsExactlyInAnyOrder(
                "schema a/B.v1.schema.json was published and is gone: published schemas are never removed",
                "schema c/D.v1.schema.json is not fingerprinted: add its SHA-256 to " + FINGERPRINTS
                        + " when you publish it",
                "schema ippool/AddressAllocated.v1.schema.json changed in place: publish a new version v2"
                        + " and its upcast step (EventUpcasters) instead");
    }

    static List<String> problems(Map<String, String> published, Map<String, String> actual) {
        List<String> problems = new ArrayList<>();
        published.forEach((path, hash) -> {
            if (!actual.containsKey(path)) {
                problems.add("schema " + path + " was published and is gone: published schemas are never removed");
            } else if (!actual.get(path).equals(hash)) {
                problems.add("schema " + path + " changed in place: publish a new version v" + nextVersion(path)
                        + " and its upcast step (EventUpcasters) instead");
            }
        });
        actual.keySet().stream().filter(path -> !published.containsKey(path)).forEach(path -> problems.add(
                "schema " + path + " is not fingerprinted: add its SHA-256 to " + FINGERPRINTS + " when you publish it"));
        return problems;
    }

    private static int nextVersion(String path) {
        String version = path.replaceAll("^.*\\.v([0-9]+)\\.schema\\.json$", "$1");
        return version.equals(path) ? 2 : Integer.parseInt(version) + 1;
    }

    private static Map<String, String> published() {
        Map<String, String> hashes = new TreeMap<>();
        Sources.read(Sources.moduleDir().resolve(FINGERPRINTS)).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .forEach(line -> {
                    String[] parts = line.split("\\s+\\*?", 2);
                    hashes.put(parts[1], parts[0].toLowerCase());
                });
        return hashes;
    }

    private static Map<String, String> actual() throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        for (String path : Sources.schemaFiles()) {
            byte[] bytes = Files.readAllBytes(Sources.schemaSourceDir().resolve(path));
            String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
            hashes.put(path, sha256(text.getBytes(StandardCharsets.UTF_8)));
        }
        return hashes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
