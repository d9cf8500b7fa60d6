package org.celedger.app.consistency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.celedger.app.metrics.RequestWaits;
import org.celedger.app.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The consistency of reads over a whole view (the eligibility listing, statistics, what-if, supervision):
 * each answer states the position it is consistent through, and a caller holding the position of a write
 * ({@value #WAIT_PARAMETER}, or the {@value #WAIT_HEADER} header) gets an answer that includes it, after a
 * bounded wait, or a 503 that says the view is behind. Never a stale answer without saying so.
 *
 * <p>Reads of one practitioner need none of this: they are consistent by default ({@code PractitionerFacts}).
 */
@Component
public class ReadConsistency {

    /** The global position of the last fact a read of one practitioner reflects, or of the fact a write recorded. */
    public static final String POSITION_HEADER = "Ledger-Position";
    /** The practitioner's (or base's) sequence that a read reflects, or that a write recorded. */
    public static final String SEQUENCE_HEADER = "Ledger-Sequence";
    /** A view answer: every event at or below this global position is reflected. */
    public static final String CONSISTENT_THROUGH_HEADER = "Ledger-Consistent-Through";
    public static final String WAIT_PARAMETER = "waitForPosition";
    public static final String WAIT_HEADER = "Ledger-Wait-For-Position";
    /** A view behind catches up within a batch of its processor: about a second. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final ProcessorPositions processors;
    private final Duration maxWait;

    public ReadConsistency(ProcessorPositions processors,
                           @Value("${ledger.consistency.max-wait:5s}") Duration maxWait) {
        this.processors = processors;
        this.maxWait = maxWait;
    }

    /**
     * Waits until {@code processor}'s view includes the position the request asks for (if it asks), then
     * states on the response what the view is consistent through, and answers it.
     */
    public long awaitView(String processor, HttpServletRequest request, HttpServletResponse response) {
        Long wanted = wanted(request);
        ProcessorPositions.Progress progress = wanted == null ? processors.progress(processor)
                : await(processor, wanted, maxWait).orElseThrow(() -> behind(processor, wanted));
        long through = progress.consistentThrough();
        // An answer waited for includes the wanted position even while an older gap holds consistentThrough back.
        response.setHeader(CONSISTENT_THROUGH_HEADER, String.valueOf(through));
        return through;
    }

    /**
     * Waits until {@code processor}'s view includes {@code position} (a stream's head, for a read consistent
     * with one base or practitioner), else 503 as for a position asked for.
     */
    public void awaitView(String processor, long position) {
        await(processor, position, maxWait).orElseThrow(() -> behind(processor, position));
    }

    /** A view that has not reached the position asked for within the wait: 503, to be asked again shortly. */
    private ApiException behind(String processor, long wanted) {
        long through = processors.progress(processor).consistentThrough();
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "View not yet consistent", WAIT_PARAMETER,
                "The " + processor + " view has not reached position " + wanted + " within " + maxWait.toMillis()
                        + " ms; it is consistent through position " + through + ". Retry shortly.")
                .retryAfter(RETRY_AFTER_SECONDS).with("consistentThrough", through).with("waitForPosition", wanted);
    }

    /** The progress of {@code processor} once it has processed {@code position}, or empty after {@code timeout}. */
    public java.util.Optional<ProcessorPositions.Progress> await(String processor, long position, Duration timeout) {
        long start = System.nanoTime();
        try {
            return awaitPosition(processor, position, timeout);
        } finally {
            RequestWaits.add(RequestWaits.Kind.VIEW, System.nanoTime() - start);
        }
    }

    private java.util.Optional<ProcessorPositions.Progress> awaitPosition(String processor, long position,
                                                                         Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1;
        while (true) {
            ProcessorPositions.Progress progress = processors.progress(processor);
            if (progress.reached(position)) {
                return java.util.Optional.of(progress);
            }
            if (System.nanoTime() - deadline >= 0) {
                return java.util.Optional.empty();
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return java.util.Optional.empty();
            }
            pause = Math.min(20, pause * 2);
        }
    }

    /** States on a response the practitioner's sequence and the global position that a read or write reflects. */
    public static void state(HttpServletResponse response, StreamPosition reflected) {
        response.setHeader(SEQUENCE_HEADER, String.valueOf(reflected.sequence()));
        response.setHeader(POSITION_HEADER, String.valueOf(reflected.position()));
    }

    private static Long wanted(HttpServletRequest request) {
        String parameter = request.getParameter(WAIT_PARAMETER);
        String header = request.getHeader(WAIT_HEADER);
        String given = parameter != null && !parameter.isBlank() ? parameter : header;
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(given.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Wrong parameter", WAIT_PARAMETER,
                WAIT_PARAMETER + " is a position answered by a write (a whole number from 0)");
    }
}
