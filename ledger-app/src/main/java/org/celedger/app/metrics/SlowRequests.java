package org.celedger.app.metrics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Logs each request slower than a threshold with where its time went: its thread's CPU, what it waited for
 * ({@link RequestWaits}), and the rest (runnable but not running, a lock, the collector). A tail can then be read
 * request by request (the benchmark prints the slowest of each phase from these lines) instead of guessed at.
 * The path is logged as its route ({@code /api/v1/practitioners/{id}/credits}), so no id reaches the log.
 */
public class SlowRequests extends OncePerRequestFilter {

    public static final String PREFIX = "slow request: ";
    private static final Logger log = LoggerFactory.getLogger(SlowRequests.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long thresholdNanos;
    private final boolean cpuTimed = THREADS.isCurrentThreadCpuTimeSupported();

    public SlowRequests(long thresholdMillis) {
        this.thresholdNanos = thresholdMillis * 1_000_000L;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestWaits.clear();
        long cpuStart = cpuTimed ? THREADS.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long wall = System.nanoTime() - start;
            if (wall >= thresholdNanos) {
                long cpu = cpuTimed ? THREADS.getCurrentThreadCpuTime() - cpuStart : 0;
                report(request, response, wall, cpu, RequestWaits.waited());
            }
        }
    }

    private static void report(HttpServletRequest request, HttpServletResponse response, long wall, long cpu,
                               long[] waited) {
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        StringBuilder line = new StringBuilder(PREFIX).append(request.getMethod()).append(' ')
                .append(route == null ? "(no route)" : route).append(' ').append(response.getStatus())
                .append(String.format(" %.1f ms: its CPU %.1f ms", wall / 1e6, cpu / 1e6));
        long rest = wall - cpu;
        for (RequestWaits.Kind kind : RequestWaits.Kind.values()) {
            long w = waited[kind.ordinal()];
            rest -= w;
            line.append(String.format(", waiting for %s %.1f ms", kind.words, w / 1e6));
        }
        line.append(String.format(", other %.1f ms (runnable but not running, a lock, the collector)",
                Math.max(0, rest) / 1e6));
        log.warn(line.toString());
    }
}
