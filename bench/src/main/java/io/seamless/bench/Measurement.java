package io.seamless.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Throughput and latency of one measured phase. */
record Measurement(String name, long operations, long elapsedNanos, Histogram latencies, String cpu) {

    double perSecond() {
        return operations / (elapsedNanos / 1e9);
    }

    double p50Millis() {
        return latencies.getValueAtPercentile(50) / 1e6;
    }

    double p99Millis() {
        return latencies.getValueAtPercentile(99) / 1e6;
    }

    static Histogram histogram() {
        return new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    }

    String line() {
        return String.format("%-44s %9d ops %10.1f ops/s   p50 %7.2f ms   p99 %7.2f ms%n%44s %s",
                name, operations, perSecond(), p50Millis(), p99Millis(), "", cpu);
    }
}
