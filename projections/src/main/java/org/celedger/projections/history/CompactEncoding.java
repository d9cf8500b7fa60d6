package org.celedger.projections.history;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.celedger.projections.eligibility.EligibilitySummary;
import org.celedger.projections.yearly.YearSummary;

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
 * <p>Each value starts with a format version, so a later format can still read this one.
 */
final class CompactEncoding {

    private static final int VERSION = 1;

    private CompactEncoding() {
    }

    static byte[] facts(List<StoredFact> facts) {
        return write(out -> {
            out.writeInt(facts.size());
            for (StoredFact f : facts) {
                out.writeLong(f.sequence());
                out.writeLong(f.recordedAt().getEpochSecond());
                out.writeInt(f.recordedAt().getNano());
                out.writeUTF(f.type());
                byte[] payload = f.payload().getBytes(StandardCharsets.UTF_8);
                out.writeInt(payload.length);
                out.write(payload);
            }
        });
    }

    static List<StoredFact> facts(byte[] bytes) {
        return read(bytes, in -> {
            int n = in.readInt();
            List<StoredFact> facts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long sequence = in.readLong();
                Instant recordedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
                String type = in.readUTF();
                byte[] payload = new byte[in.readInt()];
                in.readFully(payload);
                facts.add(new StoredFact(sequence, recordedAt, type, new String(payload, StandardCharsets.UTF_8)));
            }
            return facts;
        });
    }

    static byte[] years(List<YearSummary> years) {
        return write(out -> {
            out.writeInt(years.size());
            for (YearSummary y : years) {
                out.writeInt(y.year());
                text(out, y.ruleSet());
                text(out, y.ruleSetVersion());
                text(out, y.publicHours() == null ? null : y.publicHours().toPlainString());
                text(out, y.professionalHours() == null ? null : y.professionalHours().toPlainString());
                text(out, y.total() == null ? null : y.total().toPlainString());
                text(out, y.status());
            }
        });
    }

    static List<YearSummary> years(byte[] bytes) {
        return read(bytes, in -> {
            int n = in.readInt();
            List<YearSummary> years = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                years.add(new YearSummary(in.readInt(), text(in), text(in), decimal(in), decimal(in), decimal(in),
                        text(in)));
            }
            return years;
        });
    }

    static byte[] eligibility(List<EligibilitySummary> lines) {
        return write(out -> {
            out.writeInt(lines.size());
            for (EligibilitySummary e : lines) {
                text(out, e.purpose());
                text(out, e.level());
                out.writeInt(e.year());
                text(out, e.ruleSet());
                text(out, e.ruleSetVersion());
                text(out, e.outcome());
                out.writeBoolean(e.eligible());
                text(out, e.referenceStatus());
            }
        });
    }

    static List<EligibilitySummary> eligibility(byte[] bytes) {
        return read(bytes, in -> {
            int n = in.readInt();
            List<EligibilitySummary> lines = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                lines.add(new EligibilitySummary(text(in), text(in), in.readInt(), text(in), text(in), text(in),
                        in.readBoolean(), text(in)));
            }
            return lines;
        });
    }

    // ------------------------------------------------------------------ framing

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalStateException("a practitioner document in format " + version
                        + ", this ledger reads format " + VERSION + ": rebuild the view");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new IllegalStateException("a damaged practitioner document: rebuild the view", e);
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

    private static BigDecimal decimal(DataInputStream in) throws IOException {
        String text = text(in);
        return text == null ? null : new BigDecimal(text);
    }
}
