package io.seamless.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** A fresh data directory per test class, under target/, so that runs never see each other's state. */
final class TestData {

    private TestData() {
    }

    private static final Set<String> WIPED = ConcurrentHashMap.newKeySet();

    /**
     * Wipes it the first time in this JVM only: for test classes that share one server (same context
     * configuration, so Spring starts it once), whichever class runs first wipes, before the server starts.
     */
    static void wipeOnce(String dir) {
        if (WIPED.add(dir)) {
            wipe(dir);
        }
    }

    static void wipe(String dir) {
        Path root = Path.of(dir);
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(TestData::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
