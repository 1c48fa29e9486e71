package io.seamless.projections.rebuild;

import io.seamless.projections.support.ProjectionConsumer;
import io.seamless.projections.support.ProjectionGenerations.Generation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.SmartLifecycle;

/**
 * The projections that can be rebuilt, the consumer each runs now, and their rebuilds: at most one at a time per
 * projection. Consumers that took over in a rebuild belong to this service, which stops them with the application.
 */
public final class ProjectionRebuilds implements SmartLifecycle {

    /** A projection as the API lists it. */
    public record ProjectionStatus(String name, int generation, String schema, String consumerGroup,
                                   RebuildProgress lastRebuild) {
    }

    private final Map<String, RebuildableProjection> projections;
    private final RebuildContext context;
    private final Map<String, ProjectionConsumer> consumers = new ConcurrentHashMap<>();
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private volatile boolean running;

    ProjectionRebuilds(List<RebuildableProjection> projections, RebuildContext context) {
        this.projections = projections.stream()
                .collect(Collectors.toMap(RebuildableProjection::name, Function.identity()));
        this.context = context;
        projections.forEach(projection -> consumers.put(projection.name(), projection.consumer()));
    }

    public List<ProjectionStatus> projections() {
        return projections.keySet().stream().sorted().map(name -> {
            Generation generation = generation(name);
            return new ProjectionStatus(name, generation.number(), generation.schema(), generation.groupId(),
                    progress(name).orElse(null));
        }).toList();
    }

    /**
     * Starts a rebuild of the projection.
     *
     * @throws UnknownProjectionException when there is no such projection (in this process's roles)
     * @throws RebuildRunningException    when one is running already
     */
    public synchronized RebuildProgress start(String name) {
        RebuildableProjection projection = projections.get(name);
        if (projection == null) {
            throw new UnknownProjectionException("no projection '" + name + "'; there are "
                    + projections.keySet().stream().sorted().toList());
        }
        Rebuild running = rebuilds.get(name);
        if (running != null && !running.finished()) {
            throw new RebuildRunningException("projection '" + name + "' is being rebuilt already: "
                    + running.progress().state() + ", " + running.progress().replay().percent() + " %");
        }
        Rebuild rebuild = new Rebuild(projection, consumers.get(name), generation(name), context,
                replacement -> consumers.put(name, replacement));
        rebuilds.put(name, rebuild);
        Thread thread = new Thread(rebuild, "projection-rebuild-" + name);
        thread.setDaemon(true);
        thread.start();
        return rebuild.progress();
    }

    /** The consumer each projection runs now, by projection name (a rebuild replaces one at its switch). */
    public Map<String, ProjectionConsumer> liveConsumers() {
        return Map.copyOf(consumers);
    }

    /** The latest rebuild of the projection since this process started, if any. */
    public Optional<RebuildProgress> progress(String name) {
        return Optional.ofNullable(rebuilds.get(name)).map(Rebuild::progress);
    }

    private Generation generation(String name) {
        return context.generations().current(name, consumers.get(name).settings().groupId());
    }

    @Override
    public void start() {
        running = true;
    }

    /** Cancels running rebuilds and stops the consumers that took over in one (the others are beans). */
    @Override
    public void stop() {
        running = false;
        rebuilds.values().forEach(Rebuild::cancel);
        List<ProjectionConsumer> adopted = new ArrayList<>();
        consumers.forEach((name, consumer) -> {
            if (consumer != projections.get(name).consumer()) {
                adopted.add(consumer);
            }
        });
        adopted.forEach(ProjectionConsumer::stop);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the projection consumers that are beans, then those it runs itself. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 10;
    }

    public static final class UnknownProjectionException extends RuntimeException {
        UnknownProjectionException(String message) {
            super(message);
        }
    }

    public static final class RebuildRunningException extends RuntimeException {
        RebuildRunningException(String message) {
            super(message);
        }
    }
}
