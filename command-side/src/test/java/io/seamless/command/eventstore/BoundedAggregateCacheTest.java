package io.seamless.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

    @Test
    void keepsAnAggregateThatNothingElseReferencesAcrossGarbageCollections() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        cache.put("pool-a", new StringBuilder("state of pool-a"));

        System.gc();

        assertThat(cache.<String, StringBuilder>get("pool-a")).hasToString("state of pool-a");
    }

    @Test
    void holdsNoMoreAggregatesThanItsBound() {
        BoundedAggregateCache cache = new BoundedAggregateCache(5);

        IntStream.range(0, 50).forEach(i -> cache.put("pool-" + i, i));

        long held = IntStream.range(0, 50).filter(i -> cache.containsKey("pool-" + i)).count();
        assertThat(held).isBetween(1L, 5L);
    }

    @Test
    void putIfAbsentKeepsTheFirstValue() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);

        assertThat(cache.putIfAbsent("g", "first")).isTrue();
        assertThat(cache.putIfAbsent("g", "second")).isFalse();

        assertThat(cache.<String, String>get("g")).isEqualTo("first");
    }

    @Test
    void removesAndUpdatesOnlyWhatItHolds() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        cache.put("g", "v1");

        cache.<String>computeIfPresent("g", value -> value + "+");
        cache.<String>computeIfPresent("absent", value -> "never");

        assertThat(cache.<String, String>get("g")).isEqualTo("v1+");
        assertThat(cache.containsKey("absent")).isFalse();
        assertThat(cache.remove("g")).isTrue();
        assertThat(cache.remove("g")).isFalse();
    }

    @Test
    void aNullValueRemovesTheEntry() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        cache.put("g", "v1");

        cache.put("g", null);

        assertThat(cache.containsKey("g")).isFalse();
    }

    @Test
    void refusesAZeroBoundAndListeners() {
        assertThatThrownBy(() -> new BoundedAggregateCache(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoundedAggregateCache(1).registerCacheEntryListener(null))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
