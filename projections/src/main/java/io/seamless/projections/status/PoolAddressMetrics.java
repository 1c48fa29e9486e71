package io.seamless.projections.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code seamless.ippool.addresses.free}, per pool, from the IP pool read model: the addresses a pool can still
 * hand out. Read from the database every {@code refresh}, not at each scrape; a deleted pool's gauge goes.
 */
public final class PoolAddressMetrics implements MeterBinder, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PoolAddressMetrics.class);

    private final JdbcClient pools;
    private final Duration refresh;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "seamless-pool-metrics");
        thread.setDaemon(true);
        return thread;
    });

    /** @param pools over the IP pool projection's storage */
    public PoolAddressMetrics(JdbcClient pools, Duration refresh) {
        this.pools = pools;
        this.refresh = refresh;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        MultiGauge free = MultiGauge.builder("seamless.ippool.addresses.free")
                .description("addresses a pool can still hand out").register(registry);
        refresh(free);
        timer.scheduleWithFixedDelay(() -> refresh(free), refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refresh(MultiGauge free) {
        try {
            free.register(pools.sql("SELECT name, capacity - allocated FROM ip_pool_view WHERE deleted = FALSE")
                    .query((rs, row) -> MultiGauge.Row.of(Tags.of("pool", rs.getString(1)), rs.getLong(2)))
                    .list(), true);
        } catch (RuntimeException e) {
            log.warn("Pool address metrics not refreshed", e);
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
