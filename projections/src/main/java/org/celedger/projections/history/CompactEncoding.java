package org.celedger.projections.history;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The lists of a practitioner document (its facts, yearly totals and eligibility lines) as one binary
 * value each, instead of an array of sub-documents.
 *
 * <p>Why: no query filters on what is inside these lists (listings and statistics filter on the profile
 * fields, which stay plain fields), and the embedded read store keeps every document in the ledger's heap.
 * As sub-documents, 100,000 practitioners were tens of millions of small objects (a map, its entries, a string
 * per key and per value), which the garbage collector traced on every cycle: G1's young pauses of
 * 150–300 ms and ZGC cycles running back to back under the benchmark's decisions. As one byte array per
 * list they are three objects, and every read and write of a document encodes and decodes a few arrays
 * instead of hundreds of fields. The facts keep their JSON payloads, as in the event store.
 *
 * <p>Each value is a format version, the number of elements and the elements, so a later format can still
 * read this one.
 */
final class CompactEncoding {

    private static final int VERSION = 1;

    private CompactEncoding() {
    }

    static byte[] facts(List<StoredFact> facts) {
        return list(facts, (out, f) -> {
            out.writeLong(f.sequence());
            out.writeLong(f.recordedAt().getEpochSecond());
            out.writeInt(f.recordedAt().getNano());
            out.writeUTF(f.type());
            byte[] payload = f.payload().getBytes(StandardCharsets.UTF_8);
            out.writeInt(payload.length);
            out.write(payload);
        });
    }

    static List<StoredFact> facts(byte[] bytes) {
        List<StoredFact> facts = new ArrayList<>();
        forEachFact(bytes, (sequence, recordedAt, type, array, offset, length) -> facts.add(
                new StoredFact(sequence, recordedAt, type, new String(array, offset, length, StandardCharsets.UTF_8))));
        return facts;
    }

    /** What {@link #forEachFact} hands over: a fact's header, and where its JSON payload lies in the array. */
    interface FactVisitor {
        void fact(long sequence, Instant recordedAt, String type, byte[] bytes, int payloadOffset, int payloadLength);
    }

    /**
     * The facts of {@code bytes} (as {@link #facts(List)} wrote them), each handed over with its payload left in
     * place: a read decodes the payload straight from the array, without copying it into a string first (that
     * copy was an eighth of what a decision allocated).
     */
    static void forEachFact(byte[] bytes, FactVisitor visitor) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            readable(in.get() & 0xff);
            int n = in.getInt();
            for (int i = 0; i < n; i++) {
                long sequence = in.getLong();
                Instant recordedAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
                // writeUTF's modified UTF-8 is UTF-8 for a type's name (letters only)
                int typeLength = in.getShort() & 0xffff;
                String type = new String(bytes, in.position(), typeLength, StandardCharsets.UTF_8);
                in.position(in.position() + typeLength);
                int payloadLength = in.getInt();
                if (payloadLength < 0 || payloadLength > in.remaining()) {
                    throw new IllegalArgumentException("a payload of " + payloadLength + " bytes past the value's end");
                }
                visitor.fact(sequence, recordedAt, type, bytes, in.position(), payloadLength);
                in.position(in.position() + payloadLength);
            }
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new IllegalStateException("a damaged practitioner document: rebuild the view", e);
        }
    }

    static byte[] years(List<YearSummary> years) {
        return list(years, (out, y) -> {
            out.writeInt(y.year());
            text(out, y.ruleSet());
            text(out, y.ruleSetVersion());
            decimal(out, y.publicHours());
            decimal(out, y.professionalHours());
            decimal(out, y.total());
            text(out, y.status());
        });
    }

    static List<YearSummary> years(byte[] bytes) {
        return list(bytes, in -> new YearSummary(in.readInt(), text(in), text(in), decimal(in), decimal(in),
                decimal(in), text(in)));
    }

    static byte[] eligibility(List<EligibilitySummary> lines) {
        return list(lines, (out, e) -> {
            text(out, e.purpose());
            text(out, e.level());
            out.writeInt(e.year());
            text(out, e.ruleSet());
            text(out, e.ruleSetVersion());
            text(out, e.outcome());
            out.writeBoolean(e.eligible());
            text(out, e.referenceStatus());
        });
    }

    static List<EligibilitySummary> eligibility(byte[] bytes) {
        return list(bytes, in -> new EligibilitySummary(text(in), text(in), in.readInt(), text(in), text(in),
                text(in), in.readBoolean(), text(in)));
    }

    // ------------------------------------------------------------------ framing

    private interface ElementWriter<T> {
        void write(DataOutputStream out, T element) throws IOException;
    }

    private interface ElementReader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> byte[] list(List<T> elements, ElementWriter<T> writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(elements.size());
            for (T element : elements) {
                writer.write(out, element);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    private static <T> List<T> list(byte[] bytes, ElementReader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            readable(in.readUnsignedByte());
            int n = in.readInt();
            List<T> elements = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                elements.add(reader.read(in));
            }
            return elements;
        } catch (IOException e) {
            throw new IllegalStateException("a damaged practitioner document: rebuild the view", e);
        }
    }

    /** Refuses a value in another format than this ledger writes, saying what to do. */
    private static void readable(int version) {
        if (version != VERSION) {
            throw new IllegalStateException("a practitioner document in format " + version
                    + ", this ledger reads format " + VERSION + ": rebuild the view");
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String text(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** Decimals as their plain text, so that a scale (90.50) comes back as it was stored. */
    private static void decimal(DataOutputStream out, BigDecimal value) throws IOException {
        text(out, value == null ? null : value.toPlainString());
    }

    private static BigDecimal decimal(DataInputStream in) throws IOException {
        String text = text(in);
        return text == null ? null : new BigDecimal(text);
    }
}
