package io.seamless.reactors.reconcile;

/** One write a reconcile made; a reconcile of a converged group makes none. */
public record Change(String kind, String name, Action action) {

    /** What was written. */
    public enum Action {
        CREATED, UPDATED, DELETED
    }
}
