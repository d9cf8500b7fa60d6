package org.celedger.ops.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.celedger.domain.practitioner.Activity;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.ConversionKind;
import org.celedger.domain.practitioner.Degree;
import org.celedger.domain.practitioner.ExemptionKind;
import org.celedger.domain.practitioner.Gender;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.practitioner.Sector;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.practitioner.TransferKind;

/**
 * A synthetic population, practitioner by practitioner, as batch items of API.md (each practitioner's
 * registration first, then its facts, revocations after what they revoke). Deterministic: practitioner
 * {@code i} is drawn from its own stream of the seed, so the same settings always give the same items.
 * The sampling is described in ops/README.md ("The generator's sampling").
 */
public final class PopulationGenerator implements Iterable<PopulationGenerator.Generated> {

    /**
     * One practitioner: its id (no personal data), its resident ID number, its batch items in order, and the roster
     * rows its base-training credits make.
     */
    public record Generated(int index, String id, String idNumber, Jurisdiction jurisdiction, List<ObjectNode> items,
                            List<RosterRow> rosterRows) {
    }

    /** A row of a session's roster (培训花名册). */
    public record RosterRow(String sessionId, String name, Gender gender, String residentId, String employer,
                            BigDecimal hours, Category category) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private final Settings settings;
    private final Catalog catalog;

    public PopulationGenerator(Settings settings) {
        this.settings = settings;
        this.catalog = new Catalog(settings);
    }

    public Settings settings() {
        return settings;
    }

    public Catalog catalog() {
        return catalog;
    }

    /**
     * The population, each practitioner handed to {@code observer} as it is generated: for what a command
     * keeps beside the stream (counts by type, the ids, the roster rows) without holding the whole population.
     */
    public Iterable<Generated> observed(Consumer<Generated> observer) {
        return () -> {
            Iterator<Generated> it = iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Generated next() {
                    Generated p = it.next();
                    observer.accept(p);
                    return p;
                }
            };
        };
    }

    /** The practitioners in order; ids are unique within one iteration (a collision takes the next sequence). */
    @Override
    public Iterator<Generated> iterator() {
        Set<String> used = new HashSet<>();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < settings.practitioners();
            }

            @Override
            public Generated next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return new One(next++, used).generate();
            }
        };
    }

    /** A generated practitioner's id: its seed (so that populations of other seeds never share one) and its index. */
    public static String idOf(long seed, int index) {
        return String.format("p-%s-%07d", Long.toString(seed, 36), index);
    }

    /** The drawing of one practitioner. */
    private final class One {
        private final int index;
        private final SplittableRandom r;
        private final Set<String> used;
        private final List<ObjectNode> items = new ArrayList<>();
        private final List<RosterRow> roster = new ArrayList<>();
        private final Set<String> sessions = new HashSet<>();
        private final LocalDate asOf = settings.asOf();
        private String id;
        private String idNumber;
        private Jurisdiction jurisdiction;
        private String name;
        private Gender gender;
        private String employer;
        private LocalDate birthDate;

        One(int index, Set<String> used) {
            this.index = index;
            this.used = used;
            this.r = new SplittableRandom(Mix.of(settings.seed(), index));
        }

        Generated generate() {
            register();
            if (r.nextDouble() < 0.01) {
                correction();
            }
            List<ObjectNode> awards = awards();
            if (r.nextDouble() < 0.08) {
                conversion();
            }
            if (r.nextDouble() < 0.025) {
                exemption();
            }
            if (r.nextDouble() < 0.03) {
                transfer();
            }
            revocationsAndReassignments(awards);
            return new Generated(index, id, idNumber, jurisdiction, List.copyOf(items), List.copyOf(roster));
        }

        // ------------------------------------------------------------------ registration

        private void register() {
            jurisdiction = r.nextDouble() < Catalog.IM_SHARE ? Jurisdiction.IM : Jurisdiction.NX;
            List<Vocabulary.Region> regions = Vocabulary.regions(jurisdiction);
            Vocabulary.Region region = regions.get(r.nextInt(regions.size()));
            gender = r.nextBoolean() ? Gender.MALE : Gender.FEMALE;
            int age = 25 + r.nextInt(38); // 25–62 in the last year
            birthDate = LocalDate.of(settings.lastYear() - age, 1, 1).plusDays(r.nextInt(365));
            name = name();
            // The ledger's id carries no personal data; the resident ID number is a profile field (API.md).
            idNumber = residentId(region.areaCode());
            id = idOf(settings.seed(), index);
            Sector sector = pick(new Sector[]{Sector.PUBLIC_INSTITUTION, Sector.STATE_ENTERPRISE, Sector.NON_PUBLIC,
                    Sector.GOVERNMENT_ORGAN, Sector.OTHER}, new double[]{0.45, 0.2, 0.2, 0.05, 0.1});
            employer = region.name() + pick(switch (sector) {
                case PUBLIC_INSTITUTION, OTHER -> Vocabulary.EMPLOYERS_PUBLIC;
                case STATE_ENTERPRISE -> Vocabulary.EMPLOYERS_STATE;
                case NON_PUBLIC -> Vocabulary.EMPLOYERS_PRIVATE;
                case GOVERNMENT_ORGAN -> Vocabulary.EMPLOYERS_GOVERNMENT;
            });
            Degree degree = pick(Degree.values(), new double[]{0.15, 0.55, 0.25, 0.05});
            TitleLevel level = titleLevel(age);

            ObjectNode reg = item("practitioner");
            reg.put("id", id);
            reg.put("idNumber", idNumber);
            reg.put("name", name);
            reg.put("gender", gender.name());
            reg.put("birthDate", birthDate.toString());
            reg.put("jurisdiction", jurisdiction.name());
            reg.put("region", region.name());
            reg.put("sector", sector.name());
            reg.put("grassroots", r.nextDouble() < 0.15);
            if (level != TitleLevel.NONE) {
                reg.put("titleSeries", pick(Vocabulary.TITLE_SERIES));
            }
            reg.put("titleLevel", level.name());
            if (level != TitleLevel.NONE) {
                LocalDate earliest = max(birthDate.plusYears(23), asOf.minusYears(15));
                reg.put("titleObtainedOn", between(earliest, asOf.minusDays(30)).toString());
            }
            reg.put("degree", degree.name());
        }

        private String residentId(String areaCode) {
            int sequence = r.nextInt(500) * 2 + (gender == Gender.MALE ? 1 : 0);
            for (int attempt = 0; ; attempt++) {
                String candidate = ResidentIds.of(areaCode, birthDate, (sequence + attempt * 2) % 1000);
                if (used.add(candidate)) {
                    return candidate;
                }
            }
        }

        private String name() {
            String given = pick(gender == Gender.MALE ? Vocabulary.GIVEN_MALE : Vocabulary.GIVEN_FEMALE);
            if (given.length() == 1 && r.nextDouble() < 0.5) {
                given += pick(gender == Gender.MALE ? Vocabulary.GIVEN_MALE : Vocabulary.GIVEN_FEMALE).substring(0, 1);
            }
            return pick(Vocabulary.SURNAMES) + given;
        }

        private TitleLevel titleLevel(int age) {
            if (age < 28) {
                return pick(new TitleLevel[]{TitleLevel.NONE, TitleLevel.JUNIOR}, new double[]{0.5, 0.5});
            }
            if (age < 35) {
                return pick(new TitleLevel[]{TitleLevel.NONE, TitleLevel.JUNIOR, TitleLevel.INTERMEDIATE},
                        new double[]{0.1, 0.5, 0.4});
            }
            if (age < 45) {
                return pick(new TitleLevel[]{TitleLevel.JUNIOR, TitleLevel.INTERMEDIATE, TitleLevel.ASSOCIATE_SENIOR},
                        new double[]{0.15, 0.55, 0.3});
            }
            return pick(new TitleLevel[]{TitleLevel.INTERMEDIATE, TitleLevel.ASSOCIATE_SENIOR, TitleLevel.SENIOR},
                    new double[]{0.35, 0.45, 0.2});
        }

        private void correction() {
            ObjectNode c = item("profile-correction");
            c.put("practitionerId", id);
            c.put("correctionId", id + "-K1");
            ObjectNode changes = c.putObject("changes");
            if (r.nextBoolean()) {
                List<Vocabulary.Region> regions = Vocabulary.regions(jurisdiction);
                changes.put("region", regions.get(r.nextInt(regions.size())).name());
            } else {
                changes.put("grassroots", true);
            }
            c.put("reason", "信息录入错误，依单位证明更正");
        }

        // ------------------------------------------------------------------ credits

        private List<ObjectNode> awards() {
            List<ObjectNode> awards = new ArrayList<>();
            for (int year = settings.firstYear(); year <= settings.lastYear(); year++) {
                if (year - birthDate.getYear() < 23) {
                    continue;
                }
                int n = 0;
                if (r.nextDouble() < Catalog.P_PUBLIC_AWARD) {
                    awards.add(award(year, ++n, Category.PUBLIC));
                }
                if (r.nextDouble() < Catalog.P_PROFESSIONAL_AWARD) {
                    awards.add(award(year, ++n, Category.PROFESSIONAL));
                }
                if (r.nextDouble() < Catalog.P_EXTRA_PROFESSIONAL) {
                    awards.add(award(year, ++n, Category.PROFESSIONAL));
                }
                awards.removeIf(java.util.Objects::isNull);
            }
            return awards;
        }

        private ObjectNode award(int year, int n, Category category) {
            Activity activity = category == Category.PUBLIC
                    ? pick(new Activity[]{Activity.ONLINE_PLATFORM, Activity.BASE_TRAINING, Activity.INSTITUTION_TRAINING},
                    new double[]{0.6, Catalog.P_PUBLIC_AT_BASE, 0.1})
                    : pick(new Activity[]{Activity.BASE_TRAINING, Activity.INSTITUTION_TRAINING, Activity.INDUSTRY_TRAINING,
                            Activity.ACADEMIC_EVENT, Activity.TEACHER_TRAINING, Activity.VOCATIONAL_SKILL_TRAINING,
                            Activity.DEGREE_STUDY, Activity.OTHER_APPROVED, Activity.ONLINE_PLATFORM},
                    new double[]{Catalog.P_PROFESSIONAL_AT_BASE, 0.15, 0.15, 0.1, 0.08, 0.05, 0.04, 0.08, 0.05});
            Catalog.Session session = null;
            if (activity == Activity.BASE_TRAINING) {
                // one roster line per session: a second award in the same session would reuse its award id
                for (int attempt = 0; attempt < 3 && session == null; attempt++) {
                    Catalog.Session s = catalog.pick(r, jurisdiction, year, category);
                    session = sessions.add(s.sessionId()) ? s : null;
                }
                if (session == null) {
                    activity = Activity.INSTITUTION_TRAINING;
                }
            }
            ObjectNode a = item("credit");
            a.put("practitionerId", id);
            if (session != null) {
                a.put("awardId", session.sessionId() + "/" + id);
                a.put("year", year);
                a.put("category", category.name());
                a.put("activity", activity.name());
                a.put("hours", session.hours());
                a.put("baseId", session.baseId());
                a.put("sessionId", session.sessionId());
                a.put("approvedBy", Vocabulary.authority(jurisdiction));
                a.put("completedOn", session.endDate().toString());
                roster.add(new RosterRow(session.sessionId(), name, gender, idNumber, employer, session.hours(), category));
                if (!settings.rosterCreditsInBatches()) {
                    items.remove(items.size() - 1); // only in the roster
                    return null;
                }
                return a;
            }
            a.put("awardId", id + "-A" + year + "-" + n);
            a.put("year", year);
            a.put("category", category.name());
            a.put("activity", activity.name());
            BigDecimal hours = category == Category.PUBLIC
                    ? (r.nextDouble() < 0.55 ? BigDecimal.valueOf(30) : hours(12, 36))
                    : (n > 2 ? hours(8, 32) : hours(20, 72));
            if (activity == Activity.ONLINE_PLATFORM && r.nextDouble() < 0.3) {
                a.put("minutes", hours.multiply(BigDecimal.valueOf(45)).intValue() + r.nextInt(45));
            } else {
                a.put("hours", hours);
            }
            a.put("approvedBy", r.nextDouble() < 0.5 ? Vocabulary.authority(jurisdiction)
                    : regionOf() + "人力资源和社会保障局");
            if (r.nextBoolean()) {
                a.put("certificateNo", "CE" + year + String.format("%08d", r.nextInt(100_000_000)));
            }
            a.put("completedOn", dateIn(year).toString());
            return a;
        }

        private String regionOf() {
            return items.get(0).path("region").asText();
        }

        private BigDecimal hours(int min, int max) {
            int whole = min + r.nextInt(max - min + 1);
            return r.nextDouble() < 0.25 ? BigDecimal.valueOf(whole * 10L + 1 + r.nextInt(9), 1) : BigDecimal.valueOf(whole);
        }

        // ------------------------------------------------------------------ conversions, exemptions, transfers

        private void conversion() {
            ConversionKind kind = ConversionKind.values()[r.nextInt(ConversionKind.values().length)];
            ObjectNode c = item("conversion");
            c.put("practitionerId", id);
            c.put("conversionId", id + "-C1");
            c.put("kind", kind.name());
            LocalDate date = between(LocalDate.of(settings.firstYear(), 1, 1), asOf);
            switch (kind) {
                case QUALIFICATION_EXAM_PASSED -> c.put("inRegion", r.nextDouble() < 0.8);
                case TITLE_LANGUAGE_EXAM_PASSED -> { }
                case COMPUTER_EXAM_PASSED -> c.put("quantity", 1 + r.nextInt(4));
                case LECTURING_DELIVERED -> c.put("quantity", hours(2, 60));
                case STUDY_TOUR_COMPLETED -> c.put("quantity", BigDecimal.valueOf(1 + r.nextInt(20), 0)
                        .divide(BigDecimal.valueOf(2)).setScale(1));
                case DEGREE_COMPLETED -> {
                    LocalDate graduated = date;
                    LocalDate enrolled = graduated.minusYears(2 + r.nextInt(2)).minusDays(r.nextInt(60));
                    c.put("enrolledOn", enrolled.toString());
                    c.put("graduatedOn", graduated.toString());
                    c.put("degree", r.nextDouble() < 0.8 ? Degree.MASTER.name() : Degree.DOCTOR.name());
                    if (r.nextBoolean()) {
                        c.put("certifiedHours", hours(60, 240));
                    }
                }
            }
            c.put("date", date.toString());
            if (r.nextBoolean()) {
                c.put("evidence", "证书编号 " + String.format("%010d", r.nextLong(10_000_000_000L)));
            }
            if (r.nextDouble() < 0.1) {
                ObjectNode v = item("conversion-revocation");
                v.put("practitionerId", id);
                v.put("conversionId", id + "-C1");
                v.put("reason", "证明材料不符，撤销折算");
            }
        }

        private void exemption() {
            ObjectNode e = item("exemption");
            e.put("practitionerId", id);
            e.put("exemptionId", id + "-E1");
            if (r.nextDouble() < 0.8) {
                e.put("kind", ExemptionKind.COVID_FRONTLINE.name());
                ArrayNode years = e.putArray("years");
                int first = 2020 + r.nextInt(3);
                int last = first + r.nextInt(2023 - first);
                for (int y = first; y <= last; y++) {
                    years.add(y);
                }
                e.put("evidence", "新冠肺炎疫情防控一线人员认定文件");
            } else {
                e.put("kind", ExemptionKind.POSTDOC.name());
                e.put("evidence", "博士后进站通知书");
            }
            e.put("grantedBy", Vocabulary.authority(jurisdiction));
            if (r.nextDouble() < 0.1) {
                ObjectNode v = item("exemption-revocation");
                v.put("practitionerId", id);
                v.put("exemptionId", id + "-E1");
                v.put("reason", "认定依据不足，撤销免除");
            }
        }

        private void transfer() {
            TransferKind kind = pick(TransferKind.values(), new double[]{0.3, 0.4, 0.3});
            ObjectNode t = item("transfer");
            t.put("practitionerId", id);
            t.put("transferId", id + "-T1");
            t.put("kind", kind.name());
            t.put("effectiveDate", between(LocalDate.of(settings.firstYear(), 1, 1), asOf).toString());
            switch (kind) {
                case FROM_GOVERNMENT_ORGAN -> t.put("toSector", Sector.PUBLIC_INSTITUTION.name());
                case BETWEEN_REGIONS -> {
                    Jurisdiction to = r.nextDouble() < 0.2
                            ? (jurisdiction == Jurisdiction.IM ? Jurisdiction.NX : Jurisdiction.IM) : jurisdiction;
                    if (to != jurisdiction) {
                        t.put("toJurisdiction", to.name());
                    }
                    List<Vocabulary.Region> regions = Vocabulary.regions(to);
                    t.put("toRegion", regions.get(r.nextInt(regions.size())).name());
                }
                case BETWEEN_EMPLOYERS -> t.put("toSector", pick(new Sector[]{Sector.PUBLIC_INSTITUTION,
                        Sector.STATE_ENTERPRISE, Sector.NON_PUBLIC}).name());
            }
        }

        private void revocationsAndReassignments(List<ObjectNode> awards) {
            for (ObjectNode a : awards) {
                double d = r.nextDouble();
                if (d < 0.02) {
                    ObjectNode v = item("credit-revocation");
                    v.put("practitionerId", id);
                    v.put("awardId", a.path("awardId").asText());
                    v.put("reason", pick(Vocabulary.REVOCATION_REASONS));
                } else if (d < 0.03 && jurisdiction == Jurisdiction.IM
                        && a.path("year").asInt() > settings.firstYear()) {
                    ObjectNode v = item("credit-reassignment");
                    v.put("practitionerId", id);
                    v.put("awardId", a.path("awardId").asText());
                    v.put("targetYear", a.path("year").asInt() - 1);
                    v.put("reason", "补学往年学时");
                }
            }
        }

        // ------------------------------------------------------------------ drawing

        private ObjectNode item(String type) {
            ObjectNode node = JSON.objectNode();
            node.put("type", type);
            items.add(node);
            return node;
        }

        private LocalDate dateIn(int year) {
            LocalDate last = year == settings.lastYear() ? asOf : LocalDate.of(year, 12, 31);
            return between(LocalDate.of(year, 1, 1), last);
        }

        private LocalDate between(LocalDate from, LocalDate to) {
            if (!to.isAfter(from)) {
                return to;
            }
            return from.plusDays(r.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
        }

        private <T> T pick(T[] values) {
            return values[r.nextInt(values.length)];
        }

        private <T> T pick(T[] values, double[] weights) {
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            double x = r.nextDouble() * total;
            for (int i = 0; i < values.length; i++) {
                x -= weights[i];
                if (x < 0) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
