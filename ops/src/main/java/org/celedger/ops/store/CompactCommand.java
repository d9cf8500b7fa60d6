package org.celedger.ops.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.celedger.ops.OpsException;
import org.celedger.ops.cli.Args;

/**
 * {@code compact-store}: rewrites the event store's files so that they hold only the rows as they are now. A row
 * rewritten in place (re-keyed, or sealed by the ledger) leaves its earlier version in pages the database has not
 * reclaimed yet: H2 keeps superseded pages until it compacts its file, PostgreSQL dead row versions until a
 * {@code VACUUM FULL}. Offline for H2 (its file lock refuses a running ledger); {@code VACUUM FULL} locks the table.
 */
public final class CompactCommand {

    private CompactCommand() {
    }

    public static int run(Args args) throws SQLException {
        EventStoreDatabase db = EventStoreDatabase.of(args);
        args.done();
        long started = System.nanoTime();
        compact(db);
        System.out.printf("compacted %s in %.1f s%n", db.url(), (System.nanoTime() - started) / 1e9);
        return 0;
    }

    public static void compact(EventStoreDatabase db) throws SQLException {
        try (Connection c = db.connect(true)) {
            if (!EventStoreDatabase.tableExists(c)) {
                throw new OpsException("no DomainEventEntry table in " + db.url() + ": not a ledger's event store");
            }
            c.setAutoCommit(true); // VACUUM runs outside a transaction
            try (Statement s = c.createStatement()) {
                if (db.h2()) {
                    s.execute("SHUTDOWN COMPACT"); // rewrites the whole file from its live pages, then closes it
                } else if (db.postgres()) {
                    s.execute("VACUUM FULL DomainEventEntry");
                    if (EventStoreDatabase.tableExists(c, "SnapshotEventEntry")) {
                        s.execute("VACUUM FULL SnapshotEventEntry");
                    }
                    if (EventStoreDatabase.tableExists(c, "personal_data_access")) {
                        s.execute("VACUUM FULL personal_data_access");
                    }
                } else {
                    throw new OpsException("compact-store knows H2 and PostgreSQL, not " + db.url());
                }
            }
        }
    }
}
