package org.celedger.app.axon;

import org.celedger.domain.Streams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Moves the events of training bases and inspection samples stored under their plain ids into their own
 * streams ({@link Streams}), so that a store written before the id spaces were separated reads as one
 * written after. Run at every start before anything reads the store: it changes only rows still under a
 * plain id (none after the first run), in one statement per kind, and two nodes starting at once only
 * wait for each other. The aggregate type column tells a base's events from a practitioner's.
 */
public final class SeparateStreams {

    private static final Logger log = LoggerFactory.getLogger(SeparateStreams.class);

    private SeparateStreams() {
    }

    public static void run(JdbcTemplate store) {
        move(store, "TrainingBase", Streams.BASE);
        move(store, "InspectionSample", Streams.SAMPLE);
    }

    private static void move(JdbcTemplate store, String aggregateType, String prefix) {
        for (String table : new String[]{"DomainEventEntry", "SnapshotEventEntry"}) {
            int moved = store.update("UPDATE " + table + " SET aggregateIdentifier = CONCAT(?, aggregateIdentifier)"
                    + " WHERE type = ? AND aggregateIdentifier NOT LIKE ?", prefix, aggregateType, prefix + "%");
            if (moved > 0) {
                log.info("Moved {} events of {} in {} to streams of their own ({}…)", moved, aggregateType, table, prefix);
            }
        }
    }
}
