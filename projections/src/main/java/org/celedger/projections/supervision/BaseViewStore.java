package org.celedger.projections.supervision;

import static com.mongodb.client.model.Filters.eq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Training-base read models in MongoDB, one document per base keyed by its id. The view is kept as
 * its JSON text (exact decimals and dates), with the jurisdiction beside it for filtering.
 */
public final class BaseViewStore {

    private final MongoCollection<Document> bases;
    private final ObjectMapper json;

    public BaseViewStore(MongoDatabase db, ObjectMapper json) {
        this.bases = db.getCollection("base_views");
        this.json = json;
    }

    public Optional<BaseView> find(String baseId) {
        return Optional.ofNullable(bases.find(eq("_id", baseId)).first()).map(this::view);
    }

    public List<BaseView> all() {
        List<BaseView> views = new ArrayList<>();
        for (Document d : bases.find()) {
            views.add(view(d));
        }
        return views;
    }

    public void save(BaseView view) {
        try {
            bases.replaceOne(eq("_id", view.baseId), new Document("_id", view.baseId)
                    .append("jurisdiction", view.jurisdiction == null ? null : view.jurisdiction.name())
                    .append("json", json.writeValueAsString(view)), new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store base " + view.baseId, e);
        }
    }

    private BaseView view(Document d) {
        try {
            return json.readValue(d.getString("json"), BaseView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read base " + d.getString("_id"), e);
        }
    }
}
