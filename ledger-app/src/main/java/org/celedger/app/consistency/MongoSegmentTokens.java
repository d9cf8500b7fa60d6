package org.celedger.app.consistency;

import static com.mongodb.client.model.Filters.eq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The segments' tokens in a shared MongoDB token store, where every node running a processor stores them,
 * so any node answers the same. Axon's own {@code TokenStore.fetchToken} would claim the segment it reads;
 * the documents are read directly.
 */
public class MongoSegmentTokens implements SegmentTokens {

    private final MongoTemplate mongo;
    private final Serializer serializer;

    public MongoSegmentTokens(MongoTemplate mongo, Serializer serializer) {
        this.mongo = mongo;
        this.serializer = serializer;
    }

    @Override
    public List<TrackingToken> of(String processor) {
        List<TrackingToken> segments = new ArrayList<>();
        for (Document d : mongo.trackingTokensCollection().find(eq("processorName", processor))) {
            segments.add(token(d));
        }
        return segments;
    }

    private TrackingToken token(Document d) {
        Object data = d.get("token");
        if (data == null) {
            return null;
        }
        byte[] bytes = data instanceof Binary b ? b.getData() : data instanceof byte[] raw ? raw
                : data.toString().getBytes(StandardCharsets.UTF_8);
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, d.getString("tokenType"), null));
    }
}
