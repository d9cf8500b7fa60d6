package org.celedger.app.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.celedger.app.consistency.CommittedAppends;
import org.celedger.app.consistency.StreamMemo;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What was recorded, by whom: the events of the store in the order they were stored, with their actors,
 * read from the event store itself (the actor is the event's metadata). A question about one practitioner
 * reads only that practitioner's stream; a question about a key reads the store forward from a position,
 * a bounded number of rows per page, so no question costs more than a page however large the store.
 */
@Component
public class AuditTrail {

    /** Rows read per page at most, whatever matches: the bound on one request's work. */
    static final int SCAN_PER_PAGE = 20_000;

    private final JdbcTemplate store;
    private final Serializer serializer;
    /**
     * Who recorded each event of a stream, from its first through the last one read here: a decision cites the
     * same events until the next write, and reading their metadata again was a fifth of a decision's time
     * (ops/README.md, issue 13).
     */
    private final StreamMemo<StreamActors> recorders;
    /**
     * One instance of each actor read, shared by the streams' memories: every event a request recorded has the same
     * actor, and a batch of a thousand items touches hundreds of streams. Bounded as the memo is: past
     * {@link #MAX_SHARED_ACTORS} it starts again, and the memo's actors stay as they were.
     */
    private final Map<Actor, Actor> shared = new ConcurrentHashMap<>();
    private static final int MAX_SHARED_ACTORS = 100_000;

    public AuditTrail(DataSource eventStore, @Qualifier("eventSerializer") Serializer serializer,
                      CommittedAppends appends, @Value("${ledger.reads.memo-practitioners:200000}") int memoStreams) {
        this.store = new JdbcTemplate(eventStore);
        this.serializer = serializer;
        this.recorders = new StreamMemo<>(memoStreams);
        // Each event this node appends extends its stream's memory once committed, so that the next read citing it
        // needs no read of its metadata: at 100,000 practitioners most decisions were a practitioner's first since the
        // start, and each read its stream's metadata (ops/README.md, issue 13, fourth stop).
        appends.follow(this::remember);
    }

    /**
     * Forgets what this node keeps of {@code stream}, whose stored events were rewritten in place (an operator's
     * repair of the store under a running ledger): the next read takes their actors from the store.
     */
    public void forget(String stream) {
        recorders.forget(stream);
    }

    /**
     * Only a memory that holds the stream through the event before grows, or none for a stream's first event
     * (sequences run from 0 without gaps), so an event appended by another node is read from the store as before.
     */
    private void remember(DomainEventMessage<?> event) {
        String stream = event.getAggregateIdentifier();
        long sequence = event.getSequenceNumber();
        StreamMemo.Memo<StreamActors> known = recorders.get(stream);
        if (known == null ? sequence == 0 : known.through() == sequence - 1) {
            StreamActors before = known == null ? StreamActors.NONE : known.value();
            recorders.put(stream, sequence,
                    before.with(Map.of(sequence, share(Actor.of(event.getMetaData()))), sequence));
        }
    }

    /** One recorded event: where, what, when, by whom. */
    public record Entry(long position, String stream, long sequence, String type, Instant recordedAt, Actor actor) {
    }

    /**
     * A page of the trail. {@code scannedThrough}: the last position read; ask again with {@code after} set to
     * it for the next page ({@code complete}: nothing stored after it).
     */
    public record Page(List<Entry> entries, long scannedThrough, boolean complete) {
    }

    public record Question(String keyId, String stream, Instant from, Instant to, long after, int limit) {
    }

    public Page find(Question q) {
        List<Entry> found = new ArrayList<>();
        long[] last = {q.after()};
        int[] read = {0};
        String sql = "SELECT globalIndex, aggregateIdentifier, sequenceNumber, payloadType, timeStamp, metaData"
                + " FROM DomainEventEntry WHERE globalIndex > ?" + (q.stream() == null ? "" : " AND aggregateIdentifier = ?")
                + " ORDER BY globalIndex LIMIT " + SCAN_PER_PAGE;
        Object[] args = q.stream() == null ? new Object[]{q.after()} : new Object[]{q.after(), q.stream()};
        store.query(sql, rs -> {
            while (found.size() < q.limit() && rs.next()) {
                read[0]++;
                long position = rs.getLong(1);
                last[0] = position;
                Instant recordedAt = Instant.parse(rs.getString(5));
                if ((q.from() != null && recordedAt.isBefore(q.from())) || (q.to() != null && !recordedAt.isBefore(q.to()))) {
                    continue;
                }
                Actor actor = Actor.of(metaData(rs.getBytes(6)));
                if (q.keyId() != null && !q.keyId().equals(actor.keyId())) {
                    continue;
                }
                String type = rs.getString(4);
                found.add(new Entry(position, rs.getString(2), rs.getLong(3), type.substring(type.lastIndexOf('.') + 1),
                        recordedAt, actor));
            }
            return null;
        }, args);
        boolean complete = found.size() < q.limit() && read[0] < SCAN_PER_PAGE;
        return new Page(found, last[0], complete);
    }

    /**
     * Who recorded each event of {@code stream} up to the sequence {@code last}: what this node has not read yet
     * is one indexed range read of the stream, its metadata only.
     */
    public Map<Long, Actor> actors(String stream, long last) {
        StreamMemo.Memo<StreamActors> known = recorders.get(stream);
        if (known != null && known.through() >= last) {
            return known.value(); // it may hold later events too; the caller looks its own up by sequence
        }
        // only what this node has not read yet: the memo holds every event from the first through `through`, so
        // what is missing starts after it (an event's actor never changes)
        long from = known == null ? 0 : known.through() + 1;
        Map<Long, Actor> read = new HashMap<>();
        store.query("SELECT sequenceNumber, metaData FROM DomainEventEntry"
                        + " WHERE aggregateIdentifier = ? AND sequenceNumber BETWEEN ? AND ?",
                rs -> {
                    read.put(rs.getLong(1), share(Actor.of(metaData(rs.getBytes(2)))));
                }, stream, from, last);
        StreamActors actors = (known == null ? StreamActors.NONE : known.value()).with(read, last);
        recorders.put(stream, last, actors);
        return actors;
    }

    private Actor share(Actor actor) {
        if (shared.size() >= MAX_SHARED_ACTORS) {
            shared.clear();
        }
        Actor first = shared.putIfAbsent(actor, actor);
        return first == null ? actor : first;
    }

    private MetaData metaData(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return MetaData.emptyInstance();
        }
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, MetaData.class.getName(), null));
    }
}
