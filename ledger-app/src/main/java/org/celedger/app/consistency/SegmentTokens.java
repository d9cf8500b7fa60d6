package org.celedger.app.consistency;

import java.util.List;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The tokens that a tracking processor's segments have stored, read without claiming any segment: a
 * reader asks how far a view has come, it does not take part in processing it. A segment that has
 * stored nothing yet answers {@code null}.
 */
@FunctionalInterface
public interface SegmentTokens {

    List<TrackingToken> of(String processor);
}
