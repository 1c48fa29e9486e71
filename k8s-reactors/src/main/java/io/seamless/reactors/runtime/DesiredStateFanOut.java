package io.seamless.reactors.runtime;

import io.seamless.reactors.reconcile.DesiredStateFeed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The one desired-state feed of the process, handed to the reactor of every cluster (each renders only its own
 * cluster's units). It keeps the latest document of every live group, so that the reactor of a cluster registered
 * later gets the whole state at once, followed by {@code onCaughtUp()} if the topic was already read to its end.
 * Subscribing and delivering hold one lock: a new reactor sees the snapshot, then every later record, nothing twice.
 */
public final class DesiredStateFanOut implements TopicFollower.Listener {

    private final Map<String, byte[]> documents = new LinkedHashMap<>();
    private final List<DesiredStateFeed> feeds = new ArrayList<>();
    private boolean caughtUp;

    @Override
    public synchronized void onRecord(ConsumerRecord<String, byte[]> record) {
        String group = record.key();
        if (group == null) {
            return; // not a document: the topic's records are keyed by group
        }
        Optional<byte[]> document = Optional.ofNullable(record.value());
        if (document.isPresent()) {
            documents.put(group, document.get());
        } else {
            documents.remove(group);
        }
        feeds.forEach(feed -> feed.onDocument(group, document));
    }

    @Override
    public synchronized void onCaughtUp() {
        caughtUp = true;
        feeds.forEach(DesiredStateFeed::onCaughtUp);
    }

    /** Starts delivering to {@code feed}, with every document known so far first. */
    public synchronized void subscribe(DesiredStateFeed feed) {
        documents.forEach((group, document) -> feed.onDocument(group, Optional.of(document)));
        if (caughtUp) {
            feed.onCaughtUp();
        }
        feeds.add(feed);
    }

    public synchronized void unsubscribe(DesiredStateFeed feed) {
        feeds.remove(feed);
    }
}
