package io.seamless.projections.support;

import io.seamless.projections.support.ProjectionGenerations.Generation;
import javax.sql.DataSource;

/**
 * Where a projection runs now: the storage of its current generation and its consumer's settings in that
 * generation's consumer group.
 */
public record ProjectionPlace(ProjectionStorage storage, ConsumerSettings settings) {

    /** @param configured the settings of generation 0 (the configured consumer group) */
    public static ProjectionPlace current(String projection, ConsumerSettings configured, DataSource dataSource,
                                          ProjectionGenerations generations) {
        Generation generation = generations.current(projection, configured.groupId());
        ConsumerSettings settings = generation.number() == 0 ? configured : configured.inGroup(generation.groupId());
        return new ProjectionPlace(new ProjectionStorage(dataSource, generation.schema()), settings);
    }
}
