package io.seamless.server.kafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded brokers this JVM runs, one per data directory, shared by reference count.
 *
 * <p>A JVM can run several Spring applications over the same data directory (cached test contexts,
 * parent and child contexts); a second broker there would fail on the directory lock and the port.
 * The broker is started from an EnvironmentPostProcessor, before any context exists, so each lease is
 * parked under its owner (the SpringApplication) until the context is prepared and takes it over.
 */
final class EmbeddedKafkaHolder {

    private static final Map<Path, Shared> BROKERS = new HashMap<>();
    private static final Map<Object, Lease> UNCLAIMED = new WeakHashMap<>();

    private EmbeddedKafkaHolder() {
    }

    /** Starts the broker of {@code dataDir}, or shares the one already running there, and parks the lease. */
    static synchronized Lease acquire(Path dataDir, int brokerPort, int controllerPort, Object owner) {
        Path key = dataDir.toAbsolutePath().normalize();
        Shared shared = BROKERS.get(key);
        if (shared == null) {
            shared = new Shared(new EmbeddedKafkaBroker(key, brokerPort, controllerPort));
        }
        // A user may have stopped the shared broker (an outage test) and not restarted it yet.
        shared.broker.start();
        BROKERS.put(key, shared);
        shared.users++;
        Lease lease = new Lease(key, shared.broker);
        Lease previous = UNCLAIMED.put(owner, lease);
        if (previous != null) {
            previous.release();
        }
        return lease;
    }

    /** Hands the parked lease of {@code owner} over to the caller, who must release it; null if none. */
    static synchronized Lease claim(Object owner) {
        return UNCLAIMED.remove(owner);
    }

    /** Releases the lease of an owner that never got a context, e.g. because startup failed. */
    static void releaseUnclaimed(Object owner) {
        Lease lease = claim(owner);
        if (lease != null) {
            lease.release();
        }
    }

    private static synchronized void release(Path key) {
        Shared shared = BROKERS.get(key);
        if (shared == null) {
            return;
        }
        shared.users--;
        if (shared.users == 0) {
            BROKERS.remove(key);
            shared.broker.close();
        }
    }

    /** One user's hold on a shared broker; the last release stops it. */
    static final class Lease {

        private final Path key;
        private final EmbeddedKafkaBroker broker;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(Path key, EmbeddedKafkaBroker broker) {
            this.key = key;
            this.broker = broker;
        }

        EmbeddedKafkaBroker broker() {
            return broker;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                EmbeddedKafkaHolder.release(key);
            }
        }
    }

    private static final class Shared {

        private final EmbeddedKafkaBroker broker;
        private int users;

        private Shared(EmbeddedKafkaBroker broker) {
            this.broker = broker;
        }
    }
}
