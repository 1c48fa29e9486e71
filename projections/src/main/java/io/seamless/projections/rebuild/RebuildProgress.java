package io.seamless.projections.rebuild;

import java.time.Instant;
import java.util.List;

/**
 * Where a rebuild is, as the API and the logs show it.
 *
 * @param generation the generation being built (its number, schema and consumer group)
 * @param replay     how far the replay is through the events that were on the topics when it started
 * @param tables     rows per table in the replaced and the new generation, once switched
 * @param error      why it failed, when it did
 */
public record RebuildProgress(String projection, State state, Target generation, Replay replay, Instant startedAt,
                              Instant switchedAt, List<TableRows> tables, String error) {

    public enum State {
        /** Creating the new generation's schema and reading the topics' offsets. */
        PREPARING,
        /** Replaying from offset 0 into the new schema; the old generation keeps serving. */
        REPLAYING,
        /** Caught up: the old consumer stopped, the new one takes over what it had applied, then the switch. */
        SWITCHING,
        /** Queries and the projection's writes now use the new generation. */
        COMPLETED,
        /** Nothing switched: the old generation kept serving throughout and still does. */
        FAILED
    }

    public record Target(int number, String schema, String consumerGroup) {
    }

    /** @param etaSeconds the remaining events at the rate so far, {@code null} before there is a rate */
    public record Replay(long eventsTotal, long eventsApplied, double percent, Long etaSeconds) {
    }

    public record TableRows(String table, long replacedRows, long rebuiltRows) {
    }
}
