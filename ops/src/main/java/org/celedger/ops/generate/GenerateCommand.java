package org.celedger.ops.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.Gender;
import org.celedger.ops.cli.Args;

/**
 * {@code generate}: a synthetic population written as files: batch bodies for {@code POST /api/v1/batches},
 * the training bases with their filed sessions, one roster CSV per session, and a manifest with the counts.
 */
public final class GenerateCommand {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The roster layout of IM-2022 附件1 / IM-2025 附件2. */
    public static final String ROSTER_HEADER = "序号,姓名,性别,身份证号,单位,学时,科目类别";

    private GenerateCommand() {
    }

    public static int run(Args args) throws IOException {
        Settings settings = new Settings(args.integer("practitioners", 2_000), args.integer("years", 5),
                args.number("seed", 1), LocalDate.parse(args.string("as-of", Settings.DEFAULT_AS_OF.toString())),
                !args.flag("without-roster-credits"));
        int batchSize = args.integer("batch-size", 1_000);
        Path out = args.path("out", "population");
        args.done();
        Summary summary = write(settings, batchSize, out);
        System.out.printf("generated %,d practitioners, %,d items in %,d batches, %,d bases with %,d sessions "
                        + "and %,d roster rows in %s%n", settings.practitioners(), summary.items, summary.batches,
                summary.bases, summary.sessions, summary.rosterRows, out.toAbsolutePath());
        return 0;
    }

    /** What {@link #write} wrote. */
    public record Summary(int batches, long items, int bases, int sessions, long rosterRows,
                          Map<String, Long> itemsByType) {
    }

    public static Summary write(Settings settings, int batchSize, Path out) throws IOException {
        Path batchesDir = Files.createDirectories(out.resolve("batches"));
        Path rostersDir = Files.createDirectories(out.resolve("rosters"));
        try (var old = Files.list(batchesDir)) {
            if (old.findAny().isPresent()) {
                throw new IllegalStateException(batchesDir + " is not empty: generate into a new directory");
            }
        }
        PopulationGenerator generator = new PopulationGenerator(settings);
        Map<String, List<PopulationGenerator.RosterRow>> rosters = new TreeMap<>();
        Map<String, Long> byType = new TreeMap<>();
        long[] items = {0};
        int[] batches = {0};
        Iterable<PopulationGenerator.Generated> population = generator.observed(p -> {
            p.rosterRows().forEach(row -> rosters.computeIfAbsent(row.sessionId(), k -> new ArrayList<>()).add(row));
            p.items().forEach(i -> byType.merge(i.path("type").asText(), 1L, Long::sum));
        });
        Batches.cut(population, batchSize, batch -> {
            try {
                Files.write(batchesDir.resolve(String.format("batch-%05d.json", batch.number())), batch.json());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            items[0] += batch.items();
            batches[0]++;
        });

        ArrayNode bases = JsonNodeFactory.instance.arrayNode();
        int sessions = 0;
        for (Catalog.Base b : generator.catalog().bases()) {
            ObjectNode base = bases.addObject();
            base.put("baseId", b.baseId());
            base.put("name", b.name());
            base.put("level", b.level());
            base.put("jurisdiction", b.jurisdiction().name());
            base.put("region", b.region());
            ArrayNode list = base.putArray("sessions");
            for (Catalog.Session s : b.sessions()) {
                ObjectNode session = list.addObject();
                session.put("sessionId", s.sessionId());
                session.put("title", s.title());
                session.put("category", s.category().name());
                session.put("mode", s.mode());
                session.put("startDate", s.startDate().toString());
                session.put("endDate", s.endDate().toString());
                session.put("location", s.location());
                session.put("capacity", s.capacity());
                session.put("roster", "rosters/" + s.sessionId() + ".csv");
                sessions++;
                writeRoster(rostersDir.resolve(s.sessionId() + ".csv"), rosters.getOrDefault(s.sessionId(), List.of()));
            }
        }
        JSON.writeValue(out.resolve("bases.json").toFile(), bases);

        long rosterRows = rosters.values().stream().mapToLong(List::size).sum();
        ObjectNode manifest = JsonNodeFactory.instance.objectNode();
        manifest.put("practitioners", settings.practitioners());
        manifest.put("years", settings.years());
        manifest.put("firstYear", settings.firstYear());
        manifest.put("lastYear", settings.lastYear());
        manifest.put("seed", settings.seed());
        manifest.put("asOf", settings.asOf().toString());
        manifest.put("rosterCreditsInBatches", settings.rosterCreditsInBatches());
        manifest.put("batches", batches[0]);
        manifest.put("items", items[0]);
        byType.forEach(manifest.putObject("itemsByType")::put);
        manifest.put("bases", bases.size());
        manifest.put("sessions", sessions);
        manifest.put("rosterRows", rosterRows);
        JSON.writeValue(out.resolve("manifest.json").toFile(), manifest);
        return new Summary(batches[0], items[0], bases.size(), sessions, rosterRows, byType);
    }

    /** UTF-8 with a byte order mark (so that spreadsheet programs read the Chinese), CRLF as they write it. */
    static void writeRoster(Path file, List<PopulationGenerator.RosterRow> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write(ROSTER_HEADER);
            w.write("\r\n");
            int n = 0;
            for (PopulationGenerator.RosterRow row : rows) {
                w.write(String.join(",", String.valueOf(++n), row.name(), row.gender() == Gender.MALE ? "男" : "女",
                        row.residentId(), row.employer(), row.hours().toPlainString(),
                        row.category() == Category.PUBLIC ? "公需科目" : "专业科目"));
                w.write("\r\n");
            }
        }
    }
}
