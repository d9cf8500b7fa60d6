package org.celedger.app.consistency;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;

/**
 * The segments' tokens in the ledger's own memory (the embedded default, where the views live in this
 * process too). Axon's in-memory store has no claims, so reading a token takes none.
 */
public class JvmSegmentTokens implements SegmentTokens {

    private final InMemoryTokenStore tokens;

    public JvmSegmentTokens(InMemoryTokenStore tokens) {
        this.tokens = tokens;
    }

    @Override
    public List<TrackingToken> of(String processor) {
        List<TrackingToken> segments = new ArrayList<>();
        for (int segment : tokens.fetchSegments(processor)) {
            try {
                segments.add(tokens.fetchToken(processor, segment));
            } catch (UnableToClaimTokenException deletedMeanwhile) {
                // a segment merged away between listing and reading: it has nothing left to report
            }
        }
        return segments;
    }
}
