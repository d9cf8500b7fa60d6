package org.celedger.ops.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.celedger.ops.OpsException;
import org.celedger.ops.cli.Args;

/**
 * Where an event store is: the embedded H2 file of a ledger data directory ({@code --data-dir}, opened as
 * the ledger opens it), or any JDBC URL ({@code --jdbc-url}, with {@code --user}/{@code --password}).
 * {@code dataDir} is the ledger data directory of an embedded store, null for a JDBC URL.
 */
public record EventStoreDatabase(String url, String user, String password, Path dataDir) {

    public EventStoreDatabase(String url, String user, String password) {
        this(url, user, password, null);
    }

    public static EventStoreDatabase of(Args args) {
        String dataDir = args.string("data-dir", null);
        String url = args.string("jdbc-url", null);
        String user = args.string("user", null);
        String password = args.string("password", null);
        if ((dataDir == null) == (url == null)) {
            throw new Args.UsageException("give --data-dir (the embedded store of a ledger) or --jdbc-url, not both");
        }
        if (dataDir != null) {
            return embedded(Path.of(dataDir));
        }
        return new EventStoreDatabase(url, user == null ? "" : user, password == null ? "" : password);
    }

    /** The ledger's embedded store: the same file, user and durability setting (WRITE_DELAY=0) as the ledger. */
    public static EventStoreDatabase embedded(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        return new EventStoreDatabase("jdbc:h2:file:" + dir.resolve("events") + ";WRITE_DELAY=0", "ledger", "", dir);
    }

    /**
     * Refuses an embedded store whose access log has entries still in its journal (the ledger stopped without
     * shutting down, before moving them into the table): a tool that changes the table would miss them.
     */
    public void refuseUnmovedAccessLog() {
        // the layout of ledger-app's AccessLogJournal: <data dir>/access-log/journal-<first id>.jsonl
        Path journal = dataDir == null ? null : dataDir.resolve("access-log");
        if (journal == null || !Files.isDirectory(journal)) {
            return;
        }
        try (Stream<Path> files = Files.list(journal)) {
            if (files.anyMatch(f -> f.getFileName().toString().matches("journal-\\d+\\.jsonl"))) {
                throw new OpsException("the access log of " + dataDir + " has entries in its journal (" + journal
                        + ") not yet moved into the event store: the ledger stopped without shutting down. "
                        + "Start the ledger on this data directory and stop it (it moves them at start), then run this again");
            }
        } catch (IOException e) {
            throw new OpsException("cannot read the access log's journal directory " + journal, e);
        }
    }

    public boolean h2() {
        return url.startsWith("jdbc:h2:");
    }

    public boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    public Connection connect(boolean mustExist) {
        String target = url;
        if (h2() && mustExist && !target.contains("IFEXISTS")) {
            target += ";IFEXISTS=TRUE";
        }
        try {
            return DriverManager.getConnection(target, user, password);
        } catch (SQLException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (h2() && (message.contains("already in use") || message.contains("Locked by another process")
                    || e.getErrorCode() == 90020)) {
                throw new OpsException("the embedded event store " + url + " is open in another process: stop the "
                        + "ledger first (H2 locks its file while a ledger runs on it)", e);
            }
            if (h2() && e.getErrorCode() == 90146) {
                throw new OpsException("no embedded event store at " + url + " (start a ledger on that data "
                        + "directory once, or check --data-dir)", e);
            }
            throw new OpsException("cannot open the event store " + url + ": " + message, e);
        }
    }

    /** Whether the event table exists (Axon's {@code DomainEventEntry}, unquoted: upper case on H2, lower on PostgreSQL). */
    static boolean tableExists(Connection c) throws SQLException {
        return tableExists(c, "DomainEventEntry");
    }

    /** Whether the table exists, its name as H2 (upper case), PostgreSQL (lower case) or its creator wrote it. */
    static boolean tableExists(Connection c, String name) throws SQLException {
        for (String n : new String[]{name.toUpperCase(), name.toLowerCase(), name}) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, n, new String[]{"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM DomainEventEntry")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
