package io.seamless.projections.rebuild;

import io.seamless.projections.support.EventProjection;
import io.seamless.projections.support.ProjectionConsumer;
import io.seamless.projections.support.ProjectionStorage;
import java.util.List;
import java.util.function.Function;

/**
 * What a rebuild needs to know of one projection.
 *
 * @param storage        where its tables are now; a rebuild switches it to the new generation's schema
 * @param consumer       its consumer as the application started it
 * @param tables         every table it writes (and its queries read), compared after a rebuild
 * @param carriedOver    tables that are not folded from events but record what the projection did with them (what
 *                       was already published): copied from the old generation at the switch, not rebuilt
 * @param projectionOver the projection writing to other storage, for the replay
 */
public record RebuildableProjection(String name, ProjectionStorage storage, ProjectionConsumer consumer,
                                    List<String> tables, List<String> carriedOver,
                                    Function<ProjectionStorage, EventProjection> projectionOver) {

    public RebuildableProjection {
        tables = List.copyOf(tables);
        carriedOver = List.copyOf(carriedOver);
    }
}
