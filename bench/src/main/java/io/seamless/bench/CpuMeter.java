package io.seamless.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * CPU used during a phase: by this JVM (server, broker and clients alike) and by the whole machine
 * (PostgreSQL and anything else included, from {@code /proc/stat}). Throughput on a shared machine moves
 * with its load; CPU per operation moves much less, so it is the figure to compare between runs.
 */
record CpuMeter(long jvmNanos, long machineBusyTicks, long wallNanos) {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on

    static CpuMeter now() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuMeter(os.getProcessCpuTime(), readMachineBusyTicks(), System.nanoTime());
    }

    /** JVM CPU milliseconds per operation, and the machine's busy cores, since {@code start}. */
    static String since(CpuMeter start, long operations) {
        CpuMeter end = now();
        double jvmMillisPerOp = (end.jvmNanos - start.jvmNanos) / 1e6 / operations;
        double seconds = (end.wallNanos - start.wallNanos) / 1e9;
        double machineCores = (end.machineBusyTicks - start.machineBusyTicks) / (double) TICKS_PER_SECOND / seconds;
        return String.format("JVM CPU %.2f ms/op, machine busy %.2f of %d cores", jvmMillisPerOp,
                machineCores, Runtime.getRuntime().availableProcessors());
    }

    /** user + nice + system + irq + softirq + steal of the "cpu" line; -1 where there is no /proc. */
    private static long readMachineBusyTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] ticks = Arrays.stream(fields).skip(1).mapToLong(Long::parseLong).toArray();
            return ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6] + ticks[7];
        } catch (IOException | RuntimeException noProc) {
            return -1;
        }
    }
}
