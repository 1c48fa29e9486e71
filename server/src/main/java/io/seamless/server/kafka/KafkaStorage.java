package io.seamless.server.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Formats the data directory once, through {@code kafka-storage.sh format}'s own code path.
 *
 * <p>{@code StorageTool.execute} is used rather than its {@code main}, which ends in System.exit, and rather
 * than {@code org.apache.kafka.metadata.storage.Formatter}, whose jar kafka_2.13 puts on the runtime classpath
 * only.
 */
final class KafkaStorage {

    static final String META_PROPERTIES = "meta.properties";

    private KafkaStorage() {
    }

    /** Returns the cluster id stored in {@code dataDir}, formatting the directory first if it has none. */
    static String formatIfNeeded(Path dataDir, Map<String, String> brokerSettings) {
        Path meta = dataDir.resolve(META_PROPERTIES);
        if (!Files.exists(meta)) {
            format(dataDir, brokerSettings, Uuid.randomUuid().toString());
        }
        return readClusterId(meta);
    }

    private static void format(Path dataDir, Map<String, String> brokerSettings, String clusterId) {
        Path config = writeConfig(brokerSettings);
        try {
            String[] args = {"format", "--config", config.toString(), "--cluster-id", clusterId};
            int exitCode = StorageTool.execute(args, new PrintStream(OutputStream.nullOutputStream()));
            if (exitCode != 0) {
                throw new IllegalStateException("kafka-storage format exited with " + exitCode + " for " + dataDir);
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + dataDir, e);
        } finally {
            deleteQuietly(config);
        }
    }

    private static Path writeConfig(Map<String, String> brokerSettings) {
        Properties props = new Properties();
        props.putAll(brokerSettings);
        try {
            Path config = Files.createTempFile("seamless-kafka-format", ".properties");
            try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                props.store(out, null);
            }
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the configuration for kafka-storage format", e);
        }
    }

    private static String readClusterId(Path meta) {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + meta, e);
        }
        String clusterId = props.getProperty("cluster.id");
        if (clusterId == null) {
            throw new IllegalStateException(meta + " has no cluster.id");
        }
        return clusterId;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temporary file is harmless; the format result is what matters.
            return;
        }
    }
}
