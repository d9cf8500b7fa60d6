package org.celedger.app.consistency;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.stereotype.Component;

/**
 * How far a tracking projection has come, from the tokens its segments stored ({@link SegmentTokens}: the
 * shared token store that every node running the processor writes, or the ledger's own memory on the
 * embedded default).
 *
 * <p>A processor has processed the event at global position {@code p} when every segment has moved
 * past {@code p} and none still waits for it: a gap in a token is an index the processor skipped because
 * its transaction had not committed yet (written, not yet acknowledged), and it is filled later.
 */
@Component
public class ProcessorPositions {

    private final SegmentTokens tokens;

    public ProcessorPositions(SegmentTokens tokens) {
        this.tokens = tokens;
    }

    /** What one processor's segments have reached. */
    public record Progress(String processor, List<GapAwareTrackingToken> segments) {

        /** Whether the event at {@code position} has been processed by every segment. */
        public boolean reached(long position) {
            if (segments.isEmpty()) {
                return false;
            }
            for (GapAwareTrackingToken token : segments) {
                if (token == null || token.getIndex() < position || token.getGaps().contains(position)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The highest position at and below which every event has been processed: each segment's index,
         * or the position before its lowest gap. 0 before the processor has read anything.
         */
        public long consistentThrough() {
            if (segments.isEmpty()) {
                return 0;
            }
            long through = Long.MAX_VALUE;
            for (GapAwareTrackingToken token : segments) {
                long segment = token == null ? 0
                        : token.getGaps().isEmpty() ? token.getIndex() : token.getGaps().first() - 1;
                through = Math.min(through, segment);
            }
            return Math.max(0, through);
        }
    }

    public Progress progress(String processor) {
        List<GapAwareTrackingToken> segments = new ArrayList<>();
        for (TrackingToken token : tokens.of(processor)) {
            segments.add(gapAware(token));
        }
        return new Progress(processor, segments);
    }

    private static GapAwareTrackingToken gapAware(TrackingToken token) {
        // A replay (a reset) wraps the token; what the processor has done so far is its lower bound.
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware;
        }
        OptionalLong position = current == null ? OptionalLong.empty() : current.position();
        return position.isPresent() ? GapAwareTrackingToken.newInstance(position.getAsLong(), List.of()) : null;
    }
}
