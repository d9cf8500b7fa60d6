package org.celedger.app.consistency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.celedger.projections.rebuild.StreamEnds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The last stored event of an aggregate, read from the event store itself: what a write answers as
 * its position, and what a read of one practitioner must reflect. Any node reads the same answer, so a
 * reader on one node sees what a writer on another was acknowledged.
 *
 * <p>One aggregate's events are appended one after another (the next sequence needs the previous one
 * committed), so its last sequence also holds its highest global index; the query reads both from the
 * (aggregate, sequence) key's index. A rebuild asks it where streams end up to its head ({@link StreamEnds}).
 */
@Component
public class EventStorePositions implements StreamEnds {

    /** The last row by the (aggregate, sequence) key: one index step, not an aggregation over the stream. */
    private static final String LAST_OF_ONE = "SELECT sequenceNumber, globalIndex FROM DomainEventEntry"
            + " WHERE aggregateIdentifier = ? ORDER BY sequenceNumber DESC LIMIT 1";
    private static final String LAST_OF_MANY = "SELECT aggregateIdentifier, MAX(sequenceNumber), MAX(globalIndex)"
            + " FROM DomainEventEntry WHERE aggregateIdentifier IN (%s) GROUP BY aggregateIdentifier";
    private static final String LAST_THROUGH = "SELECT aggregateIdentifier, MAX(globalIndex) FROM DomainEventEntry"
            + " WHERE aggregateIdentifier IN (%s) AND globalIndex <= ? GROUP BY aggregateIdentifier";
    /** Bounds the statement's parameter list; a batch chunk asks for up to its 500 items' practitioners. */
    private static final int IDS_PER_QUERY = 500;

    private final JdbcTemplate jdbc;

    public EventStorePositions(DataSource eventStore) {
        this.jdbc = new JdbcTemplate(eventStore);
    }

    /** The last stored event of {@code aggregateId}, or empty if it has none. */
    public Optional<StreamPosition> lastOf(String aggregateId) {
        return Optional.ofNullable(jdbc.query(LAST_OF_ONE,
                rs -> rs.next() ? new StreamPosition(rs.getLong(1), rs.getLong(2)) : null, aggregateId));
    }

    /** The last stored event of each of {@code aggregateIds} that has one. */
    public Map<String, StreamPosition> lastOf(Collection<String> aggregateIds) {
        Map<String, StreamPosition> found = new HashMap<>();
        inParts(aggregateIds, part -> jdbc.query(LAST_OF_MANY.formatted(placeholders(part)), rs -> {
            found.put(rs.getString(1), new StreamPosition(rs.getLong(2), rs.getLong(3)));
        }, part.toArray()));
        return found;
    }

    /** For a rebuild, which derives each practitioner in the window that holds this position. */
    @Override
    public Map<String, Long> lastPositions(Collection<String> aggregateIds, long head) {
        Map<String, Long> found = new HashMap<>();
        inParts(aggregateIds, part -> {
            List<Object> args = new ArrayList<>(part);
            args.add(head);
            jdbc.query(LAST_THROUGH.formatted(placeholders(part)), rs -> {
                found.put(rs.getString(1), rs.getLong(2));
            }, args.toArray());
        });
        return found;
    }

    private static void inParts(Collection<String> aggregateIds, Consumer<List<String>> query) {
        List<String> ids = aggregateIds.stream().distinct().toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            query.accept(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)));
        }
    }

    private static String placeholders(List<String> part) {
        return String.join(",", Collections.nCopies(part.size(), "?"));
    }
}
