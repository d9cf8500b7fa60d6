package org.celedger.ops.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.celedger.domain.base.RosterCsv;
import org.celedger.domain.base.RosterCsvRow;
import org.celedger.domain.practitioner.Activity;
import org.celedger.domain.practitioner.ConversionKind;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.practitioner.Sector;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.practitioner.TransferKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's population: the same seed gives the same bytes, and what it draws is what the ledger
 * accepts (its checks restated here; the integration tests post populations to a real ledger and require
 * every item ACCEPTED) and covers the mix the benchmark needs.
 */
class PopulationGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Settings SETTINGS = new Settings(2_000, 5, 42);
    private static final List<PopulationGenerator.Generated> PEOPLE = new ArrayList<>();

    @BeforeAll
    static void generate() {
        new PopulationGenerator(SETTINGS).forEach(PEOPLE::add);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers(@TempDir Path dir) throws Exception {
        GenerateCommand.write(new Settings(300, 5, 7), 100, dir.resolve("a"));
        GenerateCommand.write(new Settings(300, 5, 7), 100, dir.resolve("b"));
        GenerateCommand.write(new Settings(300, 5, 8), 100, dir.resolve("c"));
        assertThat(contents(dir.resolve("a"))).isEqualTo(contents(dir.resolve("b")));
        assertThat(contents(dir.resolve("a")).get("batches/batch-00001.json"))
                .isNotEqualTo(contents(dir.resolve("c")).get("batches/batch-00001.json"));
    }

    @Test
    void everyPractitionerIsRegisteredFirstUnderAnIdWithoutPersonalDataAndAUniqueValidResidentIdNumber() {
        Set<String> ids = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (PopulationGenerator.Generated p : PEOPLE) {
            assertThat(p.id()).isEqualTo(PopulationGenerator.idOf(SETTINGS.seed(), p.index()))
                    .isEqualTo(String.format("p-%s-%07d", Long.toString(SETTINGS.seed(), 36), p.index()));
            assertThat(ResidentIds.valid(p.idNumber())).as(p.idNumber()).isTrue();
            assertThat(ids.add(p.id())).as("unique " + p.id()).isTrue();
            assertThat(numbers.add(p.idNumber())).as("unique " + p.idNumber()).isTrue();
            ObjectNode registration = p.items().get(0);
            assertThat(registration.path("type").asText()).isEqualTo("practitioner");
            assertThat(registration.path("id").asText()).isEqualTo(p.id());
            assertThat(registration.path("idNumber").asText()).isEqualTo(p.idNumber());
            LocalDate birth = LocalDate.parse(registration.path("birthDate").asText());
            int age = SETTINGS.lastYear() - birth.getYear();
            assertThat(age).isBetween(25, 62);
            assertThat(p.idNumber().substring(6, 14)).isEqualTo(birth.toString().replace("-", ""));
            assertThat((p.idNumber().charAt(16) - '0') % 2 == 1)
                    .isEqualTo(registration.path("gender").asText().equals("MALE"));
            boolean titled = !registration.path("titleLevel").asText().equals("NONE");
            assertThat(registration.has("titleObtainedOn")).isEqualTo(titled);
            if (titled) {
                assertThat(LocalDate.parse(registration.path("titleObtainedOn").asText())).isAfter(birth)
                        .isBeforeOrEqualTo(SETTINGS.asOf());
            }
            p.items().subList(1, p.items().size()).forEach(i ->
                    assertThat(i.path("practitionerId").asText()).isEqualTo(p.id()));
        }
    }

    @Test
    void factsPassTheLedgersChecks() {
        Set<String> factIds = new HashSet<>();
        for (PopulationGenerator.Generated p : PEOPLE) {
            Set<String> awards = new HashSet<>();
            for (ObjectNode item : p.items()) {
                item.fields().forEachRemaining(f -> {
                    if (f.getKey().endsWith("On") || f.getKey().equals("date") || f.getKey().equals("effectiveDate")
                            || f.getKey().equals("birthDate")) {
                        assertThat(LocalDate.parse(f.getValue().asText())).as(item.toString())
                                .isBeforeOrEqualTo(SETTINGS.asOf()).isAfterOrEqualTo(LocalDate.of(1960, 1, 1));
                    }
                });
                switch (item.path("type").asText()) {
                    case "credit" -> {
                        assertThat(factIds.add(item.path("awardId").asText())).as("award ids unique").isTrue();
                        awards.add(item.path("awardId").asText());
                        assertThat(item.path("year").asInt()).isBetween(2017, 2026);
                        assertThat(item.has("hours") ^ item.has("minutes")).as(item.toString()).isTrue();
                        if (item.has("hours")) {
                            BigDecimal hours = item.path("hours").decimalValue();
                            assertThat(hours).isPositive().isLessThanOrEqualTo(new BigDecimal("1000"));
                            assertThat(hours.stripTrailingZeros().scale()).isLessThanOrEqualTo(1);
                        } else {
                            assertThat(item.path("minutes").isInt()).isTrue();
                            assertThat(item.path("minutes").asInt()).isBetween(1, 60_000);
                        }
                        assertThat(LocalDate.parse(item.path("completedOn").asText()).getYear())
                                .isEqualTo(item.path("year").asInt());
                        assertThat(item.has("baseId")).isEqualTo(item.path("activity").asText().equals("BASE_TRAINING"));
                    }
                    case "credit-revocation", "credit-reassignment" -> {
                        assertThat(awards).as("an award before what acts on it").contains(item.path("awardId").asText());
                        if (item.has("targetYear")) {
                            assertThat(item.path("targetYear").asInt()).isGreaterThanOrEqualTo(2017);
                        }
                    }
                    case "conversion" -> {
                        ConversionKind kind = ConversionKind.valueOf(item.path("kind").asText());
                        assertThat(item.has("inRegion")).isEqualTo(kind == ConversionKind.QUALIFICATION_EXAM_PASSED);
                        boolean quantity = kind == ConversionKind.COMPUTER_EXAM_PASSED
                                || kind == ConversionKind.LECTURING_DELIVERED || kind == ConversionKind.STUDY_TOUR_COMPLETED;
                        assertThat(item.has("quantity")).as(item.toString()).isEqualTo(quantity);
                        if (kind == ConversionKind.COMPUTER_EXAM_PASSED) {
                            assertThat(item.path("quantity").isIntegralNumber()).isTrue();
                        }
                        if (kind == ConversionKind.STUDY_TOUR_COMPLETED) {
                            BigDecimal twice = item.path("quantity").decimalValue().multiply(BigDecimal.valueOf(2));
                            assertThat(twice.stripTrailingZeros().scale()).as("half days").isLessThanOrEqualTo(0);
                        }
                        if (kind == ConversionKind.DEGREE_COMPLETED) {
                            assertThat(LocalDate.parse(item.path("graduatedOn").asText()))
                                    .isAfter(LocalDate.parse(item.path("enrolledOn").asText()));
                            assertThat(item.has("degree")).isTrue();
                        } else {
                            assertThat(item.has("enrolledOn") || item.has("degree") || item.has("certifiedHours")).isFalse();
                        }
                    }
                    case "exemption" -> {
                        if (item.path("kind").asText().equals("COVID_FRONTLINE")) {
                            assertThat(item.path("years").size()).isPositive();
                        }
                    }
                    case "transfer" -> {
                        if (item.path("kind").asText().equals("BETWEEN_REGIONS")) {
                            assertThat(item.has("toRegion") || item.has("toJurisdiction")).isTrue();
                        }
                    }
                    default -> { }
                }
            }
        }
    }

    @Test
    void thePopulationHasTheWholeMix() {
        Set<Activity> activities = EnumSet.noneOf(Activity.class);
        Set<ConversionKind> conversions = EnumSet.noneOf(ConversionKind.class);
        Set<TransferKind> transfers = EnumSet.noneOf(TransferKind.class);
        Set<Sector> sectors = EnumSet.noneOf(Sector.class);
        Set<TitleLevel> levels = EnumSet.noneOf(TitleLevel.class);
        Set<Jurisdiction> jurisdictions = EnumSet.noneOf(Jurisdiction.class);
        Map<String, Integer> types = new HashMap<>();
        int minutes = 0;
        Set<String> exemptionKinds = new HashSet<>();
        for (PopulationGenerator.Generated p : PEOPLE) {
            for (ObjectNode i : p.items()) {
                types.merge(i.path("type").asText(), 1, Integer::sum);
                switch (i.path("type").asText()) {
                    case "practitioner" -> {
                        sectors.add(Sector.valueOf(i.path("sector").asText()));
                        levels.add(TitleLevel.valueOf(i.path("titleLevel").asText()));
                        jurisdictions.add(Jurisdiction.valueOf(i.path("jurisdiction").asText()));
                    }
                    case "credit" -> {
                        activities.add(Activity.valueOf(i.path("activity").asText()));
                        minutes += i.has("minutes") ? 1 : 0;
                    }
                    case "conversion" -> conversions.add(ConversionKind.valueOf(i.path("kind").asText()));
                    case "transfer" -> transfers.add(TransferKind.valueOf(i.path("kind").asText()));
                    case "exemption" -> exemptionKinds.add(i.path("kind").asText());
                    default -> { }
                }
            }
        }
        assertThat(activities).containsExactlyInAnyOrder(Activity.values());
        assertThat(conversions).containsExactlyInAnyOrder(ConversionKind.values());
        assertThat(transfers).containsExactlyInAnyOrder(TransferKind.values());
        assertThat(sectors).containsExactlyInAnyOrder(Sector.values());
        assertThat(levels).containsExactlyInAnyOrder(TitleLevel.values());
        assertThat(jurisdictions).containsExactlyInAnyOrder(Jurisdiction.values());
        assertThat(exemptionKinds).containsExactlyInAnyOrder("COVID_FRONTLINE", "POSTDOC");
        assertThat(minutes).isPositive();
        assertThat(types.keySet()).containsExactlyInAnyOrder("practitioner", "profile-correction", "credit",
                "credit-revocation", "credit-reassignment", "conversion", "conversion-revocation", "exemption",
                "exemption-revocation", "transfer");
        double perPractitioner = PEOPLE.stream().mapToInt(p -> p.items().size()).average().orElse(0);
        assertThat(perPractitioner).as("about ten events per practitioner over five years").isBetween(8.0, 12.0);
    }

    @Test
    void batchesHoldWholePractitionersUpToTheirSize() throws Exception {
        List<Batches.Batch> batches = new ArrayList<>();
        Batches.cut(PEOPLE, 1_000, batches::add);
        Set<String> seen = new HashSet<>();
        for (Batches.Batch b : batches) {
            JsonNode items = JSON.readTree(b.json()).path("items");
            assertThat(items.size()).isEqualTo(b.items()).isLessThanOrEqualTo(1_000);
            for (JsonNode item : items) {
                String id = item.path("type").asText().equals("practitioner") ? item.path("id").asText()
                        : item.path("practitionerId").asText();
                if (item.path("type").asText().equals("practitioner")) {
                    assertThat(seen.add(id)).isTrue();
                } else {
                    assertThat(seen).as("registered in this or an earlier batch").contains(id);
                    assertThat(b.practitionerIds()).as("in the batch of its practitioner").contains(id);
                }
            }
        }
        assertThat(seen).hasSize(PEOPLE.size());
    }

    @Test
    void rostersAreReadByTheLedgersRosterParserWithEveryRowValid(@TempDir Path dir) throws Exception {
        GenerateCommand.Summary summary = GenerateCommand.write(new Settings(500, 3, 5), 1_000, dir);
        // the ledger finds a 身份证号 through its index; here, through the registrations the batches carry
        Map<String, String> byNumber = new HashMap<>();
        for (Path batch : list(dir.resolve("batches"))) {
            for (JsonNode item : JSON.readTree(batch.toFile()).path("items")) {
                if (item.path("type").asText().equals("practitioner")) {
                    byNumber.put(item.path("idNumber").asText(), item.path("id").asText());
                }
            }
        }
        long rows = 0;
        Map<String, BigDecimal> byAward = new HashMap<>();
        for (Path batch : list(dir.resolve("batches"))) {
            for (JsonNode item : JSON.readTree(batch.toFile()).path("items")) {
                if (item.path("activity").asText().equals("BASE_TRAINING")) {
                    byAward.put(item.path("awardId").asText(), item.path("hours").decimalValue());
                }
            }
        }
        for (Path roster : list(dir.resolve("rosters"))) {
            String text = Files.readString(roster);
            assertThat(text).startsWith("\uFEFF" + GenerateCommand.ROSTER_HEADER + "\r\n");
            String session = roster.getFileName().toString().replace(".csv", "");
            for (RosterCsvRow row : RosterCsv.parse(Files.readAllBytes(roster), number -> Optional.ofNullable(byNumber.get(number)))) {
                assertThat(row.valid()).as(row.message()).isTrue();
                assertThat(byAward.get(session + "/" + row.entry().practitionerId()))
                        .as("the batches carry the roster's credit").isEqualByComparingTo(row.entry().hours());
                rows++;
            }
        }
        assertThat(rows).isEqualTo(summary.rosterRows()).isEqualTo(byAward.size()).isPositive();
        JsonNode bases = JSON.readTree(dir.resolve("bases.json").toFile());
        assertThat(bases.size()).isEqualTo(summary.bases());
        for (JsonNode base : bases) {
            for (JsonNode s : base.path("sessions")) {
                assertThat(LocalDate.parse(s.path("endDate").asText()))
                        .isAfterOrEqualTo(LocalDate.parse(s.path("startDate").asText()))
                        .isBeforeOrEqualTo(Settings.DEFAULT_AS_OF);
                assertThat(Files.exists(dir.resolve(s.path("roster").asText()))).isTrue();
            }
        }
    }

    @Test
    void withoutRosterCreditsTheBatchesLeaveThemToTheRosters() {
        List<PopulationGenerator.Generated> people = new ArrayList<>();
        new PopulationGenerator(new Settings(300, 5, 42, Settings.DEFAULT_AS_OF, false)).forEach(people::add);
        assertThat(people.stream().flatMap(p -> p.items().stream()))
                .noneMatch(i -> i.path("activity").asText().equals("BASE_TRAINING"));
        assertThat(people.stream().mapToInt(p -> p.rosterRows().size()).sum()).isPositive();
        // the rest of each practitioner is drawn as with them
        assertThat(people.get(0).items().get(0)).isEqualTo(PEOPLE.get(0).items().get(0));
    }

    private static Map<String, String> contents(Path dir) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

}
