package org.celedger.projections.history;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Binary;
import org.bson.conversions.Bson;

/**
 * The practitioner read models in MongoDB, one document per practitioner keyed by its id (the
 * embedded server answers {@code _id} look-ups from its unique index and scans for anything else).
 *
 * <p>Documents live in numbered generations, {@code practitioner_views_<n>}. Readers use the active
 * one; a rebuild fills the next generation beside it and then switches, so the old view is served
 * until the new one is complete. The switch is a single document, {@code projection_meta}.
 */
public final class PractitionerViewStore {

    public static final String PROJECTION = "practitioner-views";
    private static final String META = "projection_meta";

    private static final long READ_CACHE_MILLIS = 250;

    private final MongoDatabase db;
    private volatile Generations readCache;
    private volatile long readCacheAt;
    /** Generations whose revision index this node has ensured (creating an existing index is a no-op). */
    private final Set<Integer> indexed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<BiConsumer<String, ViewFacts>> factsStored = new java.util.concurrent.CopyOnWriteArrayList<>();

    public PractitionerViewStore(MongoDatabase db) {
        this.db = db;
        db.getCollection(META).updateOne(eq("_id", PROJECTION),
                Updates.combine(Updates.setOnInsert("active", 1)), new UpdateOptions().upsert(true));
    }

    /** The active generation, and the one being rebuilt (or null). */
    public record Generations(int active, Integer rebuilding) {
        public List<Integer> writable() {
            return rebuilding == null ? List.of(active) : List.of(active, rebuilding);
        }
    }

    /** The generations as stored now: what every writer must use (a rebuild's dual writes depend on it). */
    public Generations generations() {
        Document meta = db.getCollection(META).find(eq("_id", PROJECTION)).first();
        return new Generations(meta.getInteger("active", 1), meta.getInteger("rebuilding"));
    }

    /**
     * The generation readers use, read from the store at most every {@value #READ_CACHE_MILLIS} ms: a
     * switch made by this node is seen at once, one made by another node within that time.
     */
    public int activeForReads() {
        long now = System.nanoTime();
        Generations cached = readCache;
        if (cached == null || now - readCacheAt > READ_CACHE_MILLIS * 1_000_000L) {
            cached = generations();
            readCache = cached;
            readCacheAt = now;
        }
        return cached.active();
    }

    /** Marks {@code generation} as being rebuilt (the live projection then writes to it too) after emptying it. */
    public void beginRebuild(int generation) {
        dropIfPresent(generation);
        db.getCollection(META).updateOne(eq("_id", PROJECTION), Updates.set("rebuilding", generation));
    }

    /** Makes the rebuilt generation the one readers use, and drops those older than the one it replaces. */
    public void completeRebuild(int generation) {
        int previous = generations().active();
        db.getCollection(META).updateOne(eq("_id", PROJECTION),
                Updates.combine(Updates.set("active", generation), Updates.set("rebuilding", null)));
        readCache = null;
        for (String name : db.listCollectionNames()) {
            if (name.startsWith("practitioner_views_")) {
                int g = Integer.parseInt(name.substring("practitioner_views_".length()));
                if (g < previous) {
                    indexed.remove(g);
                    db.getCollection(name).drop();
                }
            }
        }
    }

    public void abandonRebuild(int generation) {
        db.getCollection(META).updateOne(eq("_id", PROJECTION), Updates.set("rebuilding", null));
        dropIfPresent(generation);
    }

    private void dropIfPresent(int generation) {
        indexed.remove(generation);
        String name = "practitioner_views_" + generation;
        for (String existing : db.listCollectionNames()) {
            if (existing.equals(name)) {
                db.getCollection(name).drop();
            }
        }
    }

    public Optional<PractitionerView> find(String id) {
        return Optional.ofNullable(collection(activeForReads()).find(eq("_id", id)).first()).map(PractitionerViewStore::view);
    }

    /** A stored document and the revision it was read at. */
    public record Loaded(PractitionerView view, String revision) {
    }

    /** A document to store, replacing the revision it was derived from (null: it did not exist). */
    public record Write(PractitionerView view, String expectedRevision) {
    }

    /**
     * The facts of one practitioner's document as stored (one compact value, which {@link FactCodec#decodeThrough}
     * decodes), and the last sequence the document has applied. Kept encoded so that a reader may hold it between
     * requests as one array: decoded, a practitioner's facts are hundreds of small objects, and a memory of them
     * filled by reads was what G1 copied in its young pauses (ops/README.md, issue 13, third stop).
     */
    public record ViewFacts(long lastSequence, byte[] encoded) {
    }

    /**
     * Only the facts of one practitioner's document, for a decision (the derived parts are not read), with
     * the sequence it has reached, so a reader can tell whether it lags the event store. The answer stays
     * raw BSON, of which only the binary and one number are read: decoding it into a {@link Document} (codec
     * lookups, maps, copies of the binary) was most of the MongoDB driver's share of a decision's CPU.
     */
    public Optional<ViewFacts> findFacts(String id) {
        RawBsonDocument d = collection(activeForReads()).withDocumentClass(RawBsonDocument.class).find(eq("_id", id))
                .projection(Projections.include("facts", "lastSequence")).first();
        return d == null ? Optional.empty() : Optional.of(new ViewFacts(d.getNumber("lastSequence").longValue(),
                d.getBinary("facts").getData()));
    }

    /**
     * Tells {@code listener} of every document this node stores in the generation readers use, once stored: its
     * practitioner and its facts as {@link #findFacts} would read them back. A reader that keeps them
     * (PractitionerFacts) then needs no round trip for the first read of a practitioner after a write. A rebuild's
     * documents are not told: the live projection stores the same facts in the active generation, and handing
     * over each window's copies as well only repeated them (the one run with them rebuilt 16,647 events/s at 20,000
     * practitioners, against 20,402-20,917 without; ops/README.md, issue 13, fourth stop).
     */
    public void whenFactsStored(BiConsumer<String, ViewFacts> listener) {
        factsStored.add(listener);
    }

    public Map<String, Loaded> load(int generation, Collection<String> ids) {
        Map<String, Loaded> views = new HashMap<>();
        for (Document d : collection(generation).find(in("_id", ids))) {
            PractitionerView v = view(d);
            views.put(v.id(), new Loaded(v, d.getString("revision")));
        }
        return views;
    }

    /**
     * Stores the documents in one bulk write, each only if nobody changed it since it was read: two
     * writers (the live projection and a rebuild, or two nodes) never overwrite each other's facts.
     *
     * @return the ids whose document had changed meanwhile; the caller merges again and retries them
     */
    public Set<String> save(int generation, Collection<Write> writes) {
        if (writes.isEmpty()) {
            return Set.of();
        }
        List<WriteModel<Document>> models = new ArrayList<>(writes.size());
        List<Document> documents = new ArrayList<>(writes.size());
        for (Write w : writes) {
            Document d = document(w.view());
            documents.add(d);
            // The revision names the document (see revision()), so one equality on it finds the document
            // only as it was read: a single-field match the embedded server answers from its unique index,
            // where a compound filter would make it scan the whole collection.
            models.add(w.expectedRevision() == null ? new InsertOneModel<>(d)
                    : new ReplaceOneModel<>(eq("revision", w.expectedRevision()), d));
        }
        try {
            collection(generation).bulkWrite(models, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException lostRaces) {
            // an insert of a document another writer inserted first; found below like any other lost race
        }
        // Which writes took effect is read back rather than taken from the write counts: the embedded
        // server does not report a duplicate key in an unordered bulk write (PractitionerViewStoreTest).
        Map<String, String> written = new HashMap<>();
        writes.forEach(w -> written.put(w.view().id(), revision(w.view())));
        Set<String> conflicts = new HashSet<>(written.keySet());
        for (Document d : collection(generation).find(in("_id", written.keySet()))
                .projection(Projections.include("revision"))) {
            if (written.get(d.getString("_id")).equals(d.getString("revision"))) {
                conflicts.remove(d.getString("_id"));
            }
        }
        if (!factsStored.isEmpty() && generation == activeForReads()) {
            for (Document d : documents) {
                String id = d.getString("_id");
                if (!conflicts.contains(id)) {
                    ViewFacts facts = new ViewFacts(d.getLong("lastSequence"), d.get("facts", Binary.class).getData());
                    factsStored.forEach(listener -> listener.accept(id, facts));
                }
            }
        }
        return conflicts;
    }

    /** Every document of the active generation matching {@code filter}, in id order, one at a time. */
    public void forEach(Bson filter, Consumer<PractitionerView> action) {
        forEach(activeForReads(), filter, action);
    }

    private void forEach(int generation, Bson filter, Consumer<PractitionerView> action) {
        try (MongoCursor<Document> cursor = collection(generation).find(filter).sort(Sorts.ascending("_id"))
                .batchSize(1000).iterator()) {
            while (cursor.hasNext()) {
                action.accept(view(cursor.next()));
            }
        }
    }

    /** Only the facts of each matching document of the active generation, in id order: what a what-if needs. */
    public void forEachFacts(Bson filter, java.util.function.BiConsumer<String, List<StoredFact>> action) {
        try (MongoCursor<Document> cursor = collection(activeForReads()).find(filter)
                .projection(Projections.include("facts")).sort(Sorts.ascending("_id"))
                .batchSize(1000).iterator()) {
            while (cursor.hasNext()) {
                Document d = cursor.next();
                action.accept(d.getString("_id"), facts(d));
            }
        }
    }

    /** The views of the active generation whose name is {@code name}, at most {@code limit}, in id order. */
    public List<PractitionerView> byName(String name, int limit) {
        List<PractitionerView> views = new ArrayList<>();
        try (MongoCursor<Document> cursor = collection(activeForReads()).find(eq("name", name))
                .sort(Sorts.ascending("_id")).limit(limit).iterator()) {
            while (cursor.hasNext()) {
                views.add(view(cursor.next()));
            }
        }
        return views;
    }

    /** The ids of the documents of {@code generation} whose {@code problem} is {@code problem}, in id order. */
    public List<String> idsWithProblem(int generation, String problem) {
        List<String> ids = new ArrayList<>();
        try (MongoCursor<Document> cursor = collection(generation).find(eq("problem", problem))
                .projection(Projections.include("_id")).sort(Sorts.ascending("_id")).batchSize(1000).iterator()) {
            cursor.forEachRemaining(d -> ids.add(d.getString("_id")));
        }
        return ids;
    }

    /** The raw documents of a generation, for comparing two rebuilds byte for byte. */
    public List<Document> rawDocuments(int generation) {
        return collection(generation).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private MongoCollection<Document> collection(int generation) {
        MongoCollection<Document> collection = db.getCollection("practitioner_views_" + generation);
        if (indexed.add(generation)) {
            collection.createIndex(Indexes.ascending("revision"), new IndexOptions().unique(true));
            collection.createIndex(Indexes.ascending("name"));
        }
        return collection;
    }

    // ------------------------------------------------------------------ mapping; the lists in CompactEncoding

    static Document document(PractitionerView v) {
        return new Document("_id", v.id()).append("revision", revision(v)).append("lastSequence", v.lastSequence()).append("name", v.name())
                .append("jurisdiction", v.jurisdiction()).append("region", v.region()).append("sector", v.sector())
                .append("titleLevel", v.titleLevel()).append("degree", v.degree())
                .append("facts", new Binary(CompactEncoding.facts(v.facts())))
                .append("years", new Binary(CompactEncoding.years(v.years())))
                .append("eligibility", new Binary(CompactEncoding.eligibility(v.eligibility())))
                .append("problem", v.problem());
    }

    /** The facts of a stored document, in the order they were stored (by sequence). */
    public static List<StoredFact> facts(Document d) {
        return CompactEncoding.facts(d.get("facts", Binary.class).getData());
    }

    static PractitionerView view(Document d) {
        return new PractitionerView(d.getString("_id"), ((Number) d.get("lastSequence")).longValue(),
                d.getString("name"), d.getString("jurisdiction"), d.getString("region"), d.getString("sector"),
                d.getString("titleLevel"), d.getString("degree"), facts(d),
                CompactEncoding.years(d.get("years", Binary.class).getData()),
                CompactEncoding.eligibility(d.get("eligibility", Binary.class).getData()), d.getString("problem"));
    }

    /**
     * A document's revision: its id with a hash of the sequences of the facts it holds. Documents are
     * derived from their facts, so the same facts give the same revision (rebuilt documents stay
     * identical), a writer that merged other facts gives another, and no two documents share one.
     */
    static String revision(PractitionerView v) {
        long hash = 0xcbf29ce484222325L;
        for (StoredFact f : v.facts()) {
            hash = (hash ^ f.sequence()) * 0x100000001b3L;
        }
        return v.id() + "@" + v.facts().size() + ":" + Long.toHexString(hash);
    }
}
