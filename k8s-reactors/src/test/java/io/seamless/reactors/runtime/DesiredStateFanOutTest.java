package io.seamless.reactors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamless.reactors.reconcile.DesiredStateFeed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** One read of the topic for every cluster's reactor, including the reactor of a cluster registered late. */
class DesiredStateFanOutTest {

    private final DesiredStateFanOut fanOut = new DesiredStateFanOut();

    @Test
    void aReactorSubscribedLateGetsTheLiveDocumentsThenCaughtUpThenWhatFollows() {
        fanOut.onRecord(record("orders-db", "v1"));
        fanOut.onRecord(record("billing-db", "v1"));
        fanOut.onRecord(record("orders-db", "v2"));
        fanOut.onRecord(record("billing-db", null));
        fanOut.onCaughtUp();
        Recorder late = new Recorder();

        fanOut.subscribe(late);
        fanOut.onRecord(record("search-db", "v1"));

        assertThat(late.calls).containsExactly("orders-db=v2", "caught-up", "search-db=v1");
    }

    @Test
    void everySubscriberGetsEveryRecordAndCaughtUpOnlyOnceTheTopicWasRead() {
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        fanOut.subscribe(first);
        fanOut.subscribe(second);

        fanOut.onRecord(record("orders-db", "v1"));
        fanOut.onRecord(record("orders-db", null));
        fanOut.onCaughtUp();
        fanOut.unsubscribe(second);
        fanOut.onRecord(record("orders-db", "v3"));

        assertThat(first.calls).containsExactly("orders-db=v1", "orders-db=tombstone", "caught-up", "orders-db=v3");
        assertThat(second.calls).containsExactly("orders-db=v1", "orders-db=tombstone", "caught-up");
    }

    private static ConsumerRecord<String, byte[]> record(String group, String document) {
        return new ConsumerRecord<>("seamless.desired-state", 0, 0, group,
                document == null ? null : document.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes down what a reactor was told, in order. */
    private static final class Recorder implements DesiredStateFeed {

        final List<String> calls = new ArrayList<>();

        @Override
        public void onDocument(String group, Optional<byte[]> json) {
            calls.add(group + "=" + json.map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse("tombstone"));
        }

        @Override
        public void onCaughtUp() {
            calls.add("caught-up");
        }
    }
}
