package io.seamless.projections.rebuild;

import io.seamless.projections.rebuild.RebuildProgress.Replay;
import io.seamless.projections.rebuild.RebuildProgress.State;
import io.seamless.projections.rebuild.RebuildProgress.TableRows;
import io.seamless.projections.rebuild.RebuildProgress.Target;
import io.seamless.projections.support.ProjectionConsumer;
import io.seamless.projections.support.TopicOffsets;
import io.seamless.projections.support.ProjectionGenerations.Generation;
import io.seamless.projections.support.ProjectionStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One rebuild of one projection, on a thread of its own: replay every topic from offset 0 into a fresh schema
 * under a fresh consumer group while the old generation keeps serving, then switch. At the switch the old
 * consumer stops, the new one catches up with everything the old one had applied, and one transaction records
 * the new generation (with the carried-over tables); only then do queries move. Any failure before that leaves
 * the old generation serving, its consumer running again.
 */
final class Rebuild implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    private static final Duration TICK = Duration.ofMillis(200);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final RebuildableProjection projection;
    private final ProjectionConsumer live;
    private final Generation current;
    private final Generation next;
    private final RebuildContext context;
    private final Consumer<ProjectionConsumer> onSwitched;
    private final Instant startedAt;
    private volatile RebuildProgress progress;
    private volatile boolean cancelled;
    private ProjectionConsumer replay;

    Rebuild(RebuildableProjection projection, ProjectionConsumer live, Generation current, RebuildContext context,
            Consumer<ProjectionConsumer> onSwitched) {
        this.projection = projection;
        this.live = live;
        this.current = current;
        this.context = context;
        this.onSwitched = onSwitched;
        this.startedAt = context.clock().instant();
        this.next = current.next(context.baseGroupId(), startedAt);
        this.progress = progress(State.PREPARING, new Replay(0, 0, 0, null), null, List.of(), null);
    }

    RebuildProgress progress() {
        return progress;
    }

    boolean finished() {
        return progress.state() == State.COMPLETED || progress.state() == State.FAILED;
    }

    /** Ends a replay that has not switched yet (at shutdown); the old generation goes on serving. */
    void cancel() {
        cancelled = true;
    }

    @Override
    public void run() {
        try {
            TopicOffsets offsets = new TopicOffsets(live.settings().kafka(), live.settings().topics());
            prepare();
            TopicOffsets.Span span = offsets.span();
            replay(span);
            switchOver(offsets, span);
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            fail(e);
        }
    }

    private void prepare() {
        log.info("Projection {}: rebuild into generation {} (schema {}, consumer group {}) started",
                projection.name(), next.number(), next.schema(), next.groupId());
        context.schemas().drop(next.schema()); // what a failed attempt may have left
        context.schema().migrate(next.schema());
        ProjectionStorage storage = new ProjectionStorage(context.dataSource(), next.schema());
        replay = new ProjectionConsumer(live.settings().inGroup(next.groupId()),
                projection.projectionOver().apply(storage), new DataSourceTransactionManager(storage),
                live.upcasters());
    }

    private void replay(TopicOffsets.Span span) throws InterruptedException {
        replay.start();
        long total = span.events();
        Instant lastLog = Instant.EPOCH;
        while (!span.reached(replay.committedOffsets(), span.end())) {
            checkNotCancelled();
            Thread.sleep(TICK.toMillis());
            Replay done = measured(total, span.applied(replay.committedOffsets()));
            progress = progress(State.REPLAYING, done, null, List.of(), null);
            if (Duration.between(lastLog, context.clock().instant()).compareTo(LOG_EVERY) >= 0) {
                lastLog = context.clock().instant();
                log.info("Projection {}: rebuild {}% ({} of {} events), ETA {} s", projection.name(),
                        Math.round(done.percent()), done.eventsApplied(), total, done.etaSeconds());
            }
        }
        progress = progress(State.SWITCHING, new Replay(total, total, 100, 0L), null, List.of(), null);
    }

    private Replay measured(long total, long applied) {
        double seconds = Duration.between(startedAt, context.clock().instant()).toMillis() / 1000.0;
        double rate = seconds > 0 ? applied / seconds : 0;
        Long eta = rate > 0 ? Math.round((total - applied) / rate) : null;
        double percent = total == 0 ? 100 : Math.floor(1000.0 * applied / total) / 10;
        return new Replay(total, applied, percent, eta);
    }

    private void switchOver(TopicOffsets offsets, TopicOffsets.Span span) throws InterruptedException {
        live.stop();
        Map<TopicPartition, Long> applied = offsets.committed(live.settings().groupId());
        Instant deadline = context.clock().instant().plus(context.switchTimeout());
        while (!span.reached(replay.committedOffsets(), applied)) {
            checkNotCancelled();
            if (context.clock().instant().isAfter(deadline)) {
                throw new IllegalStateException("the replay did not catch up with the old consumer within "
                        + context.switchTimeout());
            }
            Thread.sleep(TICK.toMillis());
        }
        Instant switchedAt = context.clock().instant();
        new TransactionTemplate(new DataSourceTransactionManager(context.dataSource())).executeWithoutResult(tx -> {
            projection.carriedOver().forEach(table -> context.schemas().copy(table, current.schema(), next.schema()));
            context.generations().switched(next, switchedAt);
        });
        List<TableRows> rows = projection.tables().stream().map(table -> new TableRows(table,
                context.schemas().rows(current.schema(), table), context.schemas().rows(next.schema(), table)))
                .toList();
        projection.storage().switchTo(next.schema());
        onSwitched.accept(replay);
        dropReplacedBefore();
        progress = progress(State.COMPLETED, progress.replay(), switchedAt, rows, null);
        log.info("Projection {}: switched to generation {} (schema {}); rows replaced/rebuilt {}", projection.name(),
                next.number(), next.schema(), rows);
    }

    /** Keeps the generation just replaced for comparison; the one before it goes. */
    private void dropReplacedBefore() {
        if (current.previousSchema() != null) {
            try {
                context.schemas().drop(current.previousSchema());
            } catch (RuntimeException e) {
                log.warn("Projection {}: schema {} of an older generation not dropped: {}", projection.name(),
                        current.previousSchema(), e.toString());
            }
        }
    }

    private void checkNotCancelled() {
        if (cancelled) {
            throw new IllegalStateException("cancelled: the application is stopping");
        }
    }

    private void fail(Exception cause) {
        log.error("Projection {}: rebuild into generation {} failed, generation {} keeps serving", projection.name(),
                next.number(), current.number(), cause);
        if (replay != null) {
            replay.stop();
        }
        if (!cancelled && !live.isRunning()) {
            live.start();
        }
        try {
            context.schemas().drop(next.schema());
        } catch (RuntimeException e) {
            log.warn("Projection {}: schema {} of the failed rebuild not dropped: {}", projection.name(),
                    next.schema(), e.toString());
        }
        progress = progress(State.FAILED, progress.replay(), null, List.of(), String.valueOf(cause.getMessage()));
    }

    private RebuildProgress progress(State state, Replay replayed, Instant switchedAt, List<TableRows> tables,
                                     String error) {
        return new RebuildProgress(projection.name(), state, new Target(next.number(), next.schema(), next.groupId()),
                replayed, startedAt, switchedAt, tables, error);
    }
}
