package io.seamless.command.eventstore;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * An aggregate cache that holds its entries strongly, up to a number of aggregates, the least used
 * leaving first (Caffeine's W-TinyLFU). Axon's own {@code WeakReferenceCache} loses every entry at the
 * next garbage collection, so a busy pool was reloaded from its snapshot many times a second. Holding an
 * aggregate is safe with several writers: Axon drops it from the cache when its unit of work rolls back
 * (a concurrent append fails on the sequence number), and the retry loads it from the store.
 */
public final class BoundedAggregateCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;

    public BoundedAggregateCache(long maximumAggregates) {
        if (maximumAggregates < 1) {
            throw new IllegalArgumentException("an aggregate cache holds at least one aggregate, not "
                    + maximumAggregates);
        }
        // Evictions run on the writing thread: the bound holds when put returns, with no pool thread involved.
        this.entries = Caffeine.newBuilder().maximumSize(maximumAggregates).executor(Runnable::run).build().asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        if (value == null) {
            entries.remove(key);
        } else {
            entries.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (k, value) -> update.apply((V) value));
    }

    /** Aggregate repositories register no listener; a caller that does would wait for events that never come. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("aggregate caches do not report their entries to listeners");
    }
}
