package io.seamless.reactors.reconcile;

import java.util.Optional;

/**
 * What the owner of the {@code seamless.desired-state} subscription calls: the runtime's fan-out (one consumer of
 * the compacted topic, from the beginning, for every cluster's reactor) or a test. Both calls may come from any one thread, in topic order.
 */
public interface DesiredStateFeed {

    /**
     * The latest document of {@code group}, whole; empty for a tombstone (the group was deleted). Redelivering a
     * record is harmless: reconciles are idempotent.
     */
    void onDocument(String group, Optional<byte[]> json);

    /**
     * The feed has delivered everything the topic held when it started (the end offsets at assignment). Until then
     * the reactor only collects documents: a compacted topic not yet compacted still holds older versions of a
     * group, and acting on one (say, before a scale-out) would delete what a later record keeps. Called again
     * after a rebalance, it is harmless.
     */
    void onCaughtUp();
}
