package org.celedger.ops.bench;

import java.util.Arrays;

/** Latencies recorded by many threads, summarised as percentiles (exact: every sample is kept and sorted). */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void record(long nanos) {
        if (count == this.nanos.length) {
            this.nanos = Arrays.copyOf(this.nanos, count * 2);
        }
        this.nanos[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    /** Percentile {@code p} (0–100) in milliseconds, nearest-rank; NaN without samples. */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    synchronized double maxMillis() {
        long max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, nanos[i]);
        }
        return count == 0 ? Double.NaN : max / 1e6;
    }

    synchronized double meanMillis() {
        if (count == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += nanos[i];
        }
        return sum / count / 1e6;
    }
}
