package org.celedger.app.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log on the embedded store: an entry is made durable by appending it to a journal file in the data
 * directory, and moved into the table, where it is found, in the background.
 *
 * <p>Why: on the embedded store every commit of the table made H2 write again, whole, the pages that took its rows
 * and both its indexes' new keys (a page of many rows for one row), and wait for the writes' chunks besides. That was
 * 28 % of the CPU in the decisions phase, and the slowest decisions' wait (ops/README.md, "Issue 13"). Appending to a
 * file costs the entries' bytes; moving a second's entries into the table at once writes each page once for all of
 * them.
 *
 * <p>An append returns once the bytes are the operating system's: what the event store promises too (H2 syncs its
 * file no more often), so {@code kill -9} loses no acknowledged read's entry.
 *
 * <p>Segments are {@code access-log/journal-<first id>.jsonl}, one entry (with its id and instant) a line. Every tenth
 * of a second the open segment, if any, is closed, its entries inserted in one transaction, and, once that is
 * committed, the segment deleted. Reading the log moves every entry first, so a read finds every entry appended
 * before it. At start, segments left by a stop without shutdown are moved before any read is answered; an entry
 * already in the table (a stop between the commit and the delete) is skipped by its id, and a last line cut short was
 * never acknowledged.
 */
final class AccessLogJournal implements AccessLogWriter {

    static final String DIRECTORY = "access-log";
    /**
     * How often entries are moved. Each move is a commit whose store the writes committing meanwhile wait behind; moved
     * once a second under 1,800 decisions a second, a store took 50–250 ms and so did those writes (ops/README.md,
     * issue 13). A tenth of a second keeps each store small.
     */
    static final long MOVE_EVERY_MS = 100;
    private static final Logger log = LoggerFactory.getLogger(AccessLogJournal.class);
    private static final Pattern SEGMENT = Pattern.compile("journal-(\\d{19})\\.jsonl");

    private final Path dir;
    private final AccessLogTable table;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** Guards the open segment and the next id. */
    private final Object appending = new Object();
    /** One mover at a time: the background thread or a reader catching up. */
    private final ReentrantLock moving = new ReentrantLock();
    private final Thread mover;
    private volatile boolean running = true;
    /** Whether anything was appended, or a move failed, since the last move: else the mover has nothing to do. */
    private volatile boolean unmoved = true;
    private FileChannel open;
    private long nextId;
    private long movedThrough;

    /** Opens the journal in {@code dataDir}, moving what a previous run left into {@code table} first. */
    AccessLogJournal(Path dataDir, AccessLogTable table) {
        this(dataDir, table, MOVE_EVERY_MS);
    }

    /** As above, moving every {@code moveEveryMs}; 0: only when asked ({@link #moveAll()}, {@link #close()}). */
    AccessLogJournal(Path dataDir, AccessLogTable table, long moveEveryMs) {
        this.dir = dataDir.toAbsolutePath().normalize().resolve(DIRECTORY);
        this.table = table;
        try {
            Files.createDirectories(dir);
            if (posix()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the access log's journal directory " + dir, e);
        }
        this.movedThrough = table.lastId();
        moveSegmentsBefore(Long.MAX_VALUE); // all a previous run left
        synchronized (appending) {
            nextId = movedThrough + 1;
        }
        this.mover = new Thread(() -> moveEvery(moveEveryMs), "access-log-mover");
        mover.setDaemon(true);
        if (moveEveryMs > 0) {
            mover.start();
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * The reader appends its entry itself: a write of a line's bytes, which spares it waiting for a writer thread to
     * be scheduled and then being scheduled again (on two busy cores, a wait each).
     */
    @Override
    public void append(AccessLog.Entry entry) {
        try {
            append(List.of(entry), Instant.now());
        } catch (IOException | RuntimeException e) {
            throw new AccessLogUnavailable("it could not be written", e);
        }
    }

    @Override
    public void catchUp() {
        moveAll();
    }

    /** Appends {@code entries} (each numbered here and stamped {@code at}) and returns once the bytes are written. */
    void append(List<AccessLog.Entry> entries, Instant at) throws IOException {
        synchronized (appending) {
            long first = nextId;
            // an append that fails leaves its ids unused; after a restart ids follow the last entry moved
            nextId += entries.size();
            ByteArrayOutputStream lines = new ByteArrayOutputStream(entries.size() * 256);
            long id = first;
            for (AccessLog.Entry e : entries) {
                lines.write(json.writeValueAsBytes(new AccessLog.Entry(id++, at, e.keyId(), e.keyName(),
                        e.practitionerId(), e.method(), e.endpoint(), e.purpose(), e.requestId())));
                lines.write('\n');
            }
            try {
                if (open == null) {
                    open = create(dir.resolve("journal-%019d.jsonl".formatted(first)));
                }
                unmoved = true;
                ByteBuffer bytes = ByteBuffer.wrap(lines.toByteArray());
                while (bytes.hasRemaining()) {
                    open.write(bytes);
                }
            } catch (IOException | RuntimeException e) {
                // A part written stays a cut line at the segment's end: the next append starts a segment of its own.
                closeOpen();
                throw e;
            }
        }
    }

    private static FileChannel create(Path segment) throws IOException {
        FileAttribute<?>[] ownerOnly = posix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        return FileChannel.open(segment, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), ownerOnly);
    }

    private void closeOpen() {
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                log.warn("access-log journal: closing a segment failed ({}); its entries are moved from the file",
                        e.getClass().getSimpleName());
            }
            open = null;
        }
    }

    /**
     * Moves every entry appended so far into the table, and returns once they are committed there. Throws when a
     * segment cannot be read or moved; it stays, and the next move tries it again.
     */
    void moveAll() {
        long before;
        unmoved = false; // an append from here on sets it again
        synchronized (appending) {
            closeOpen();
            before = nextId; // a segment opened after this holds only later ids
        }
        try {
            moveSegmentsBefore(before);
        } catch (RuntimeException e) {
            unmoved = true; // what stays is tried again
            throw e;
        }
    }

    private void moveSegmentsBefore(long before) {
        moving.lock();
        try {
            for (Path segment : segments()) {
                Matcher name = SEGMENT.matcher(segment.getFileName().toString());
                if (name.matches() && Long.parseLong(name.group(1)) < before) {
                    move(segment);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("access-log journal: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("access-log journal: the table refused its entries (SQL state "
                    + e.getSQLState() + ", code " + e.getErrorCode() + ")", e);
        } finally {
            moving.unlock();
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> SEGMENT.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }

    private void move(Path segment) throws IOException, SQLException {
        byte[] bytes = Files.readAllBytes(segment);
        int end = 0;
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                end = i + 1;
                break;
            }
        }
        if (end < bytes.length) {
            log.warn("access-log journal {}: {} bytes after its last whole entry dropped (an append cut short, "
                    + "never acknowledged)", segment.getFileName(), bytes.length - end);
        }
        List<AccessLog.Entry> entries = new ArrayList<>();
        int line = 0;
        for (int start = 0; start < end; ) {
            int stop = start;
            while (bytes[stop] != '\n') {
                stop++;
            }
            line++;
            AccessLog.Entry e;
            try {
                e = json.readValue(bytes, start, stop - start, AccessLog.Entry.class);
            } catch (IOException notAnEntry) {
                throw new IOException("line " + line + " of " + segment.getFileName() + " is not an access-log entry");
            }
            if (e.id() <= 0 || e.at() == null || e.keyId() == null || e.method() == null || e.endpoint() == null) {
                throw new IOException("line " + line + " of " + segment.getFileName() + " is an incomplete access-log entry");
            }
            if (e.id() > movedThrough) {
                entries.add(e);
            }
            start = stop + 1;
        }
        if (!entries.isEmpty()) {
            table.insert(entries, true, null);
            movedThrough = entries.get(entries.size() - 1).id();
        }
        Files.delete(segment);
    }

    private void moveEvery(long ms) {
        long wait = ms;
        while (running) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
            wait = ms;
            if (!unmoved) {
                continue;
            }
            try {
                moveAll();
            } catch (RuntimeException e) {
                // No message: it may quote a row. The entries stay in their segment and are tried again.
                log.error("access-log journal: moving entries into the table failed ({}); retrying in a second",
                        e.getClass().getSimpleName() + (e.getCause() == null ? "" : " / " + e.getCause().getClass().getSimpleName()));
                wait = Math.max(ms, 1_000); // not ten errors a second while the table refuses
            }
        }
    }

    /** Stops the mover and moves every entry left. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        mover.interrupt();
        if (mover.isAlive()) {
            mover.join(5_000);
        }
        moveAll();
    }
}
