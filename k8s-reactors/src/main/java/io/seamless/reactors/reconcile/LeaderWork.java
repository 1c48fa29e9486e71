package io.seamless.reactors.reconcile;

/**
 * Work only the elected leader of a cluster may do (writing to it), started when this replica becomes leader and
 * stopped when it is no longer. Both may happen many times in one process's life.
 */
public interface LeaderWork {

    void start();

    void stop();
}
