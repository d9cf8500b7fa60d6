package org.celedger.ops.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.celedger.ops.OpsException;
import org.celedger.ops.cli.Args;
import org.celedger.ops.generate.ResidentIds;

/**
 * {@code rekey-practitioners}: gives every practitioner whose ledger id is a resident ID number (居民身份证号码,
 * the id a roster's 身份证号 column made) a new id that carries no personal data, and keeps the number as the
 * profile's {@code idNumber}. Offline: the ledger is stopped (the embedded store's file lock refuses a running
 * one; on PostgreSQL any other session connected to the database is refused).
 *
 * <p>In one transaction for the whole store (all or nothing): the stream's rows in {@code DomainEventEntry} move
 * to the new id; its snapshots are deleted (derived; the ledger makes them again); every occurrence of an old id
 * in a string value (or field name) of any event's payload or metadata, wherever it is not part of a longer number
 * (the whole value, a {@code /}-separated segment such as the roster award id {@code sessionId/<id>}, a prefix such
 * as {@code <id>-A2022-1}, a word of a reason), becomes the new id; {@code idNumber} is added, in plain JSON, to the
 * profile of the practitioner's {@code PractitionerRegistered} (the ledger seals it at its next start); and the
 * access log's {@code practitioner_id} follows. The old → new mapping is written first, to a file created
 * owner-only that must not exist, and removed again if the transaction does not commit.
 *
 * <p>New ids are {@code p-} and 20 hex digits from {@link SecureRandom}: never derived from the number, whose space
 * is small enough to reverse any hash of it. Nothing printed names an ID number; only counts.
 */
public final class RekeyPractitionersCommand {

    static final String PRACTITIONER_TYPE = "Practitioner";
    static final String REGISTERED = "org.celedger.domain.practitioner.PractitionerRegistered";
    /**
     * An 18-character resident ID number (its check character X or x), not inside a longer number (letters or
     * punctuation may adjoin it).
     */
    public static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)\\d{17}[\\dXx](?![\\dXx])");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 500;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What one run did. {@code mapping} (old → new) holds ID numbers: never print it. */
    public record Result(int streams, long eventsMoved, long payloadsRewritten, long metaDataRewritten,
                         int profilesGivenIdNumber, long eventsRewritten, long accessLogRows, long snapshotsDeleted,
                         long idNumbersLeft, Map<String, String> mapping) {

        public boolean nothingToDo() {
            return streams == 0;
        }
    }

    /**
     * Called, inside the transaction, after each event row moved or rewritten has been added to its batch (tests use
     * it to look at the store midway and to fail there).
     */
    interface Progress {
        void rowRewritten(Connection transaction, long rowsSoFar) throws SQLException;
    }

    private RekeyPractitionersCommand() {
    }

    public static int run(Args args) throws IOException, SQLException {
        EventStoreDatabase db = EventStoreDatabase.of(args);
        Path mapping = args.path("mapping", null);
        args.done();
        if (mapping == null) {
            throw new Args.UsageException("--mapping FILE is required: where to write the old → new ids "
                    + "(a new file, readable by its owner only)");
        }
        long started = System.nanoTime();
        Result r = rekey(db, mapping);
        if (r.nothingToDo()) {
            System.out.println("nothing to re-key: no practitioner stream in " + db.url()
                    + " has a resident ID number as its id (already re-keyed, or never had one)");
        } else {
            System.out.printf("re-keyed %,d practitioner streams in %s in %.1f s:%n", r.streams(), db.url(),
                    (System.nanoTime() - started) / 1e9);
            System.out.printf("  %,d events rewritten: %,d moved to their stream's new id, %,d payloads and %,d "
                            + "metadata with an old id replaced, %,d registrations given profile.idNumber%n",
                    r.eventsRewritten(), r.eventsMoved(), r.payloadsRewritten(), r.metaDataRewritten(),
                    r.profilesGivenIdNumber());
            System.out.printf("  %,d access-log rows rewritten, %,d snapshots deleted%n", r.accessLogRows(),
                    r.snapshotsDeleted());
            System.out.printf("  the mapping of %,d old ids to new ones is in %s (owner-only; it holds ID numbers: "
                    + "hand it to those who need it, then delete it)%n", r.mapping().size(), mapping.toAbsolutePath());
        }
        if (r.idNumbersLeft() > 0) {
            System.out.printf("warning: %,d resident ID numbers in event payloads name no practitioner stream and "
                    + "were left as they are%n", r.idNumbersLeft());
        }
        return 0;
    }

    public static Result rekey(EventStoreDatabase db, Path mapping) throws IOException, SQLException {
        return rekey(db, mapping, RekeyPractitionersCommand::newId, (c, n) -> { }, BATCH);
    }

    /** Whether {@code text} is a resident ID number with a valid check character (x and X both read as X). */
    static boolean idNumber(String text) {
        return text != null && ResidentIds.valid(text.toUpperCase(Locale.ROOT));
    }

    static String newId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return "p-" + HexFormat.of().formatHex(bytes);
    }

    static Result rekey(EventStoreDatabase db, Path mapping, Supplier<String> ids, Progress progress, int batch)
            throws IOException, SQLException {
        db.refuseUnmovedAccessLog();
        try (Connection c = db.connect(true)) {
            if (!EventStoreDatabase.tableExists(c)) {
                throw new OpsException("no DomainEventEntry table in " + db.url() + ": not a ledger's event store");
            }
            if (db.postgres()) {
                refuseOtherSessions(c, db);
            }
            c.setAutoCommit(false);
            if (db.postgres()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LOCK TABLE DomainEventEntry IN EXCLUSIVE MODE");
                }
            }
            Map<String, String> oldToNew = new TreeMap<>();
            Set<String> aggregates = new HashSet<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT DISTINCT aggregateIdentifier, type FROM DomainEventEntry")) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    aggregates.add(id);
                    if (PRACTITIONER_TYPE.equals(rs.getString(2)) && idNumber(id)) {
                        oldToNew.put(id, null);
                    }
                }
            }
            if (oldToNew.isEmpty()) {
                long left = countIdNumbersLeft(c, Map.of());
                c.rollback();
                return new Result(0, 0, 0, 0, 0, 0, 0, 0, left, Map.of());
            }
            long sealed = sealedUnderOldIds(c, oldToNew);
            if (sealed > 0) {
                c.rollback();
                throw new OpsException("a ledger of this version already sealed the personal data of " + sealed + " of the "
                        + oldToNew.size() + " practitioners under their ID-number ids (personal_data_key, "
                        + "id_number_index): sealed fields are bound to the practitioner id, so re-keying this store "
                        + "would leave them unreadable. Re-key the backup taken before the upgrade, then start the "
                        + "ledger on it; nothing was changed");
            }
            if (Files.exists(mapping)) {
                c.rollback();
                throw new OpsException(mapping.toAbsolutePath() + " exists: the mapping is never overwritten. The store "
                        + "still holds " + oldToNew.size() + " practitioners under ID numbers, so no run re-keyed them "
                        + "with that file; move it away or name another --mapping");
            }
            Set<String> taken = new HashSet<>(aggregates);
            for (Map.Entry<String, String> e : oldToNew.entrySet()) {
                String id = ids.get();
                if (!taken.add(id)) {
                    throw new OpsException("a new id collided with an existing one; run again");
                }
                e.setValue(id);
            }
            writeMapping(mapping, oldToNew);
            boolean committed = false;
            try {
                Result r = rewrite(c, oldToNew, progress, batch);
                c.commit();
                committed = true;
                return r;
            } finally {
                if (!committed) {
                    try {
                        c.rollback();
                    } finally {
                        Files.deleteIfExists(mapping);
                    }
                }
            }
        }
    }

    private static Result rewrite(Connection c, Map<String, String> oldToNew, Progress progress, int batch)
            throws SQLException {
        long snapshots = 0;
        if (EventStoreDatabase.tableExists(c, "SnapshotEventEntry")) {
            snapshots = deleteSnapshots(c, oldToNew);
        }

        // one scan in global order; each row changed is written once, with only the columns that change
        long moved = 0;
        long payloads = 0;
        long metaData = 0;
        long rows = 0;
        int registrations = 0;
        long left = 0;
        try (Statement q = c.createStatement();
             Batched moveAndSetPayload = new Batched(c,
                     "UPDATE DomainEventEntry SET aggregateIdentifier = ?, payload = ? WHERE globalIndex = ?", batch);
             Batched move = new Batched(c, "UPDATE DomainEventEntry SET aggregateIdentifier = ? WHERE globalIndex = ?",
                     batch);
             Batched setPayload = new Batched(c, "UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", batch);
             Batched setMeta = new Batched(c, "UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?", batch)) {
            q.setFetchSize(batch); // PostgreSQL: a cursor read in portions between the batches of updates
            try (ResultSet rs = q.executeQuery("SELECT globalIndex, aggregateIdentifier, type, payloadType, payload, "
                    + "metaData FROM DomainEventEntry ORDER BY globalIndex")) {
                boolean textPayload = !binary(rs.getMetaData().getColumnType(5));
                boolean textMeta = !binary(rs.getMetaData().getColumnType(6));
                while (rs.next()) {
                    long index = rs.getLong(1);
                    String aggregate = rs.getString(2);
                    String newId = PRACTITIONER_TYPE.equals(rs.getString(3)) ? oldToNew.get(aggregate) : null;
                    boolean registration = newId != null && REGISTERED.equals(rs.getString(4));
                    Rewrite payload = rewrite(index, "payload", read(rs, 5, textPayload), oldToNew,
                            registration ? aggregate : null);
                    Rewrite meta = rewrite(index, "metaData", read(rs, 6, textMeta), oldToNew, null);
                    left += payload.left();
                    if (newId == null && !payload.changed() && !meta.changed()) {
                        continue;
                    }
                    if (newId != null && payload.changed()) {
                        moveAndSetPayload.ps.setString(1, newId);
                        write(moveAndSetPayload.ps, 2, payload.text(), textPayload);
                        moveAndSetPayload.add(3, index);
                    } else if (newId != null) {
                        move.ps.setString(1, newId);
                        move.add(2, index);
                    } else if (payload.changed()) {
                        write(setPayload.ps, 1, payload.text(), textPayload);
                        setPayload.add(2, index);
                    }
                    if (meta.changed()) {
                        write(setMeta.ps, 1, meta.text(), textMeta);
                        setMeta.add(2, index);
                    }
                    moved += newId != null ? 1 : 0;
                    payloads += payload.changed() ? 1 : 0;
                    metaData += meta.changed() ? 1 : 0;
                    registrations += payload.idNumberAdded() ? 1 : 0;
                    rows++;
                    progress.rowRewritten(c, rows);
                }
            }
        }
        if (registrations != oldToNew.size()) {
            throw new OpsException((oldToNew.size() - registrations) + " of the " + oldToNew.size() + " practitioner "
                    + "streams have no PractitionerRegistered to give profile.idNumber: nothing was changed");
        }

        if (EventStoreDatabase.tableExists(c, "personal_data_sealing")) {
            // A ledger that started on this store left these practitioners unsealed (their id was their number): its
            // next start seals and indexes the store from the beginning again, them included.
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE personal_data_sealing SET sealed_through = -1");
            }
        }
        long accessLog = 0;
        if (EventStoreDatabase.tableExists(c, "personal_data_access")) {
            try (PreparedStatement u = c.prepareStatement(
                    "UPDATE personal_data_access SET practitioner_id = ? WHERE practitioner_id = ?")) {
                int pending = 0;
                for (Map.Entry<String, String> e : oldToNew.entrySet()) {
                    u.setString(1, e.getValue());
                    u.setString(2, e.getKey());
                    u.addBatch();
                    if (++pending == BATCH) {
                        accessLog += sum(u.executeBatch());
                        pending = 0;
                    }
                }
                accessLog += sum(u.executeBatch());
            }
        }
        return new Result(oldToNew.size(), moved, payloads, metaData, registrations, rows, accessLog, snapshots, left,
                Map.copyOf(oldToNew));
    }

    /** One update statement, executed in batches; every row it names must be there, exactly once. */
    private static final class Batched implements AutoCloseable {
        final PreparedStatement ps;
        private final int size;
        private int pending;

        Batched(Connection c, String sql, int size) throws SQLException {
            this.ps = c.prepareStatement(sql);
            this.size = size;
        }

        /** Sets the last parameter (the row's global index) and adds the row to the batch. */
        void add(int indexParameter, long globalIndex) throws SQLException {
            ps.setLong(indexParameter, globalIndex);
            ps.addBatch();
            if (++pending == size) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0 && sum(ps.executeBatch()) != pending) {
                throw new OpsException("an event row changed under the re-keying: nothing was changed");
            }
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
            } finally {
                ps.close();
            }
        }
    }

    /**
     * How many of the practitioners to re-key have a personal-data key or an ID-number index entry: the ledger's
     * start sealed their fields under the old id (its id is the ciphertexts' associated data) and indexed them by it.
     */
    private static long sealedUnderOldIds(Connection c, Map<String, String> oldToNew) throws SQLException {
        Set<String> sealed = new HashSet<>();
        for (String table : List.of("personal_data_key", "id_number_index")) {
            if (!EventStoreDatabase.tableExists(c, table)) {
                continue;
            }
            try (Statement q = c.createStatement();
                 ResultSet rs = q.executeQuery("SELECT DISTINCT practitioner_id FROM " + table)) {
                while (rs.next()) {
                    if (oldToNew.containsKey(rs.getString(1))) {
                        sealed.add(rs.getString(1));
                    }
                }
            }
        }
        return sealed.size();
    }

    private static long deleteSnapshots(Connection c, Map<String, String> oldToNew) throws SQLException {
        List<String[]> doomed = new ArrayList<>();
        try (Statement q = c.createStatement();
             ResultSet rs = q.executeQuery("SELECT aggregateIdentifier, sequenceNumber, payload FROM SnapshotEventEntry")) {
            boolean text = !binary(rs.getMetaData().getColumnType(3));
            while (rs.next()) {
                String aggregate = rs.getString(1);
                String payload = read(rs, 3, text);
                if (oldToNew.containsKey(aggregate) || (payload != null && mentions(payload, oldToNew))) {
                    doomed.add(new String[]{aggregate, String.valueOf(rs.getLong(2))});
                }
            }
        }
        long deleted = 0;
        try (PreparedStatement d = c.prepareStatement(
                "DELETE FROM SnapshotEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?")) {
            for (String[] key : doomed) {
                d.setString(1, key[0]);
                d.setLong(2, Long.parseLong(key[1]));
                deleted += d.executeUpdate();
            }
        }
        return deleted;
    }

    private static boolean mentions(String text, Map<String, String> oldToNew) {
        Matcher m = ID_NUMBER.matcher(text);
        while (m.find()) {
            if (oldToNew.containsKey(m.group())) {
                return true;
            }
        }
        return false;
    }

    private static long countIdNumbersLeft(Connection c, Map<String, String> oldToNew) throws SQLException {
        long left = 0;
        try (Statement q = c.createStatement()) {
            q.setFetchSize(1_000);
            try (ResultSet rs = q.executeQuery("SELECT payload FROM DomainEventEntry")) {
                boolean text = !binary(rs.getMetaData().getColumnType(1));
                while (rs.next()) {
                    String payload = read(rs, 1, text);
                    if (payload != null) {
                        left += idNumbersLeft(payload, oldToNew);
                    }
                }
            }
        }
        return left;
    }

    /**
     * How many resident ID numbers in a payload name no re-keyed stream, not counting where the ledger keeps the
     * number on purpose ({@code idNumber} of a profile, or of a correction's changes and previous values).
     */
    private static long idNumbersLeft(String text, Map<String, String> oldToNew) {
        long n = idNumbersNotIn(text, oldToNew);
        if (n == 0) {
            return 0;
        }
        try {
            JsonNode tree = JSON.readTree(text);
            for (String holder : List.of("profile", "changes", "previous")) {
                if (tree.path(holder) instanceof ObjectNode o) {
                    o.remove("idNumber");
                }
            }
            return idNumbersNotIn(tree.toString(), oldToNew);
        } catch (JsonProcessingException notJson) {
            return n;
        }
    }

    private static long idNumbersNotIn(String text, Map<String, String> oldToNew) {
        long n = 0;
        Matcher m = ID_NUMBER.matcher(text);
        while (m.find()) {
            if (!oldToNew.containsKey(m.group()) && idNumber(m.group())) {
                n++;
            }
        }
        return n;
    }

    private record Rewrite(String text, boolean changed, boolean idNumberAdded, long left) {
    }

    /**
     * The JSON {@code text} with every old id in a string value or field name replaced, and,
     * for a re-keyed practitioner's registration, {@code idNumber} added to its profile. Text that names no old id
     * is left byte for byte.
     */
    private static Rewrite rewrite(long index, String column, String text, Map<String, String> oldToNew, String idNumber) {
        if (text == null) {
            return new Rewrite(null, false, false, 0);
        }
        long left = idNumbersLeft(text, oldToNew);
        if (idNumber == null && !mentions(text, oldToNew)) {
            return new Rewrite(text, false, false, left);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            // the parser's message would quote the text: only say where
            throw new OpsException("the " + column + " of the event at global index " + index + " names a re-keyed "
                    + "practitioner but is not JSON, so it cannot be rewritten: nothing was changed");
        }
        JsonNode replaced = replace(tree, oldToNew);
        boolean added = false;
        if (idNumber != null) {
            JsonNode profile = replaced.path("profile");
            if (!(profile instanceof ObjectNode p)) {
                throw new OpsException("the registration at global index " + index + " has no profile object to give "
                        + "idNumber: nothing was changed");
            }
            JsonNode present = p.get("idNumber");
            String number = idNumber.toUpperCase(Locale.ROOT); // as the ledger keeps it (x written X)
            if (present != null && !present.isNull() && !number.equals(present.asText())) {
                throw new OpsException("the registration at global index " + index + " already has a different "
                        + "profile.idNumber than its stream's id: nothing was changed");
            }
            p.put("idNumber", number);
            added = true;
        }
        try {
            return new Rewrite(JSON.writeValueAsString(replaced), true, added, left);
        } catch (JsonProcessingException e) {
            throw new OpsException("cannot write the rewritten " + column + " of the event at global index " + index);
        }
    }

    private static JsonNode replace(JsonNode node, Map<String, String> oldToNew) {
        if (node.isTextual()) {
            String replaced = replace(node.asText(), oldToNew);
            return replaced.equals(node.asText()) ? node : TextNode.valueOf(replaced);
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, replace(array.get(i), oldToNew));
            }
            return array;
        }
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                fields.put(replace(e.getKey(), oldToNew), replace(e.getValue(), oldToNew));
            }
            object.removeAll();
            object.setAll(fields);
            return object;
        }
        return node;
    }

    /** {@code text} with every old id not inside a longer number replaced by its new id. */
    public static String replace(String text, Map<String, String> oldToNew) {
        Matcher m = ID_NUMBER.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String to = oldToNew.get(m.group());
            if (to != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8);
                }
                out.append(text, last, m.start()).append(to);
                last = m.end();
            }
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    private static boolean binary(int sqlType) {
        return sqlType == Types.BINARY || sqlType == Types.VARBINARY || sqlType == Types.LONGVARBINARY
                || sqlType == Types.BLOB;
    }

    private static String read(ResultSet rs, int column, boolean text) throws SQLException {
        if (text) {
            return rs.getString(column);
        }
        byte[] bytes = rs.getBytes(column);
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notText) {
            // not UTF-8, so not JSON the ledger wrote; an ID number in it would be ASCII digits, found as Latin-1
            String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
            if (ID_NUMBER.matcher(latin1).find()) {
                throw new OpsException("an event holds bytes that are not UTF-8 and may name a practitioner by ID "
                        + "number, so they cannot be rewritten: nothing was changed");
            }
            return null;
        }
    }

    private static void write(PreparedStatement s, int index, String value, boolean text) throws SQLException {
        if (value == null) {
            s.setNull(index, text ? Types.VARCHAR : Types.VARBINARY);
        } else if (text) {
            s.setString(index, value);
        } else {
            s.setBytes(index, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static long sum(int[] counts) {
        long n = 0;
        for (int c : counts) {
            if (c == Statement.SUCCESS_NO_INFO) {
                throw new OpsException("the database did not say how many rows an update changed");
            }
            n += Math.max(c, 0);
        }
        return n;
    }

    /** Table names unquoted: upper case on H2, lower on PostgreSQL. */
    private static void refuseOtherSessions(Connection c, EventStoreDatabase db) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            rs.next();
            long others = rs.getLong(1);
            if (others > 0) {
                throw new OpsException(others + " other sessions are connected to " + db.url() + ": stop every "
                        + "ledger node (and anything else using that database) before re-keying");
            }
        }
    }

    /** The mapping as CSV, {@code idNumber,practitionerId}, in a new owner-only file, forced to disk. */
    private static void writeMapping(Path file, Map<String, String> oldToNew) throws IOException {
        StringBuilder csv = new StringBuilder("idNumber,practitionerId\n");
        oldToNew.forEach((o, n) -> csv.append(o).append(',').append(n).append('\n'));
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        try (FileChannel ch = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), ownerOnly)) {
            ByteBuffer bytes = ByteBuffer.wrap(csv.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
            ch.force(true);
        } catch (FileAlreadyExistsException e) {
            throw new OpsException(file.toAbsolutePath() + " exists: the mapping is never overwritten");
        } catch (NoSuchFileException e) {
            throw new OpsException("cannot create " + file.toAbsolutePath() + ": its directory does not exist");
        }
        if (posix) {
            // the umask can only narrow the mode given at creation; make sure it is exactly owner read/write
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Reads a mapping written by this command: old id → new id. */
    public static Map<String, String> readMapping(Path file) throws IOException {
        Map<String, String> mapping = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals("idNumber,practitionerId")) {
            throw new OpsException(file + " is not a mapping written by rekey-practitioners");
        }
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.indexOf(',');
            mapping.put(line.substring(0, comma), line.substring(comma + 1));
        }
        return mapping;
    }
}
