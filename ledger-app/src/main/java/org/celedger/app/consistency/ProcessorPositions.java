package org.celedger.app.consistency;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * How far a tracking projection has come, read from the shared token store: every node running the
 * processor stores its segments' tokens there, so any node answers the same. Axon's own
 * {@code TokenStore.fetchToken} would claim the segment it reads; the documents are read directly.
 *
 * <p>A processor has processed the event at global position {@code p} when every segment has moved
 * past {@code p} and none still waits for it: a gap in a token is an index the processor skipped because
 * its transaction had not committed yet (written, not yet acknowledged), and it is filled later.
 */
@Component
public class ProcessorPositions {

    private final MongoTemplate mongo;
    private final Serializer serializer;

    public ProcessorPositions(MongoTemplate axonMongoTemplate, @Qualifier("serializer") Serializer serializer) {
        this.mongo = axonMongoTemplate;
        this.serializer = serializer;
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
        for (Document d : mongo.trackingTokensCollection().find(eq("processorName", processor))) {
            segments.add(gapAware(d));
        }
        return new Progress(processor, segments);
    }

    private GapAwareTrackingToken gapAware(Document d) {
        Object data = d.get("token");
        if (data == null) {
            return null;
        }
        byte[] bytes = data instanceof Binary b ? b.getData() : data instanceof byte[] raw ? raw
                : data.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TrackingToken token = serializer.deserialize(
                new SimpleSerializedObject<>(bytes, byte[].class, d.getString("tokenType"), null));
        // A replay (a reset) wraps the token; what the processor has done so far is its lower bound.
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware;
        }
        OptionalLong position = current == null ? OptionalLong.empty() : current.position();
        return position.isPresent() ? GapAwareTrackingToken.newInstance(position.getAsLong(), List.of()) : null;
    }
}
