package org.celedger.app.metrics;

/**
 * What the current request's thread waited for, by kind: the parts of a request's time that are neither its own
 * CPU nor a wait for the CPU (SlowRequests logs them beside the request's time). Plain thread-local sums, so that
 * recording a wait costs nothing worth measuring.
 */
public final class RequestWaits {

    /** What a request may wait for. */
    public enum Kind {
        /** its commit's write of the embedded store's file (group commit) */
        STORE("the store"),
        /** its read's entry in the access log */
        ACCESS_LOG("the access log"),
        /** a view to reach a position */
        VIEW("a view");

        final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    private static final ThreadLocal<long[]> WAITED = ThreadLocal.withInitial(() -> new long[Kind.values().length]);

    private RequestWaits() {
    }

    public static void add(Kind kind, long nanos) {
        WAITED.get()[kind.ordinal()] += nanos;
    }

    /** Clears this thread's sums (at a request's start). */
    static void clear() {
        java.util.Arrays.fill(WAITED.get(), 0);
    }

    /** This thread's sums since the last clear, in nanoseconds, by {@link Kind#ordinal()}. */
    static long[] waited() {
        return WAITED.get().clone();
    }
}
