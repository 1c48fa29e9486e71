package io.seamless.projections.history;

import java.time.Instant;

/**
 * A page of a history: events in [from, to) (either open), of one type and by one actor when given, at most
 * {@code limit}, after the cursor of the previous page.
 */
record HistoryQuery(Instant from, Instant to, String type, String actor, int limit, Long after) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
}
