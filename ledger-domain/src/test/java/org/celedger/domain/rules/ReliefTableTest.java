package org.celedger.domain.rules;

import org.celedger.domain.practitioner.Degree;
import org.celedger.domain.practitioner.ExemptionKind;
import org.celedger.domain.practitioner.Gender;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.practitioner.Sector;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.practitioner.TransferKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.celedger.domain.rules.Rules.ENGINE;
import static org.celedger.domain.rules.Rules.set;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * RULES.md §6: the reliefs, one case per cell of the table. Every case applies for ASSOCIATE_SENIOR
 * in the rule set's own years (IM-2017: 2019, window 2016–2018; IM-2022: 2023, window 2021–2023;
 * IM-2025: 2025, window 2023–2025; NX-2022: 2022, window 2017–2021). A "—" cell is checked by the
 * relief's condition holding while the outcome stays NOT_MET and no such relief is listed.
 */
class ReliefTableTest {

    private static final Map<String, Integer> YEAR = Map.of("IM-2017", 2019, "IM-2022", 2023, "IM-2025", 2025, "NX-2022", 2022);

    static Stream<Arguments> cells() {
        return Stream.of(
                // ---- age full: men ≥ 55, women ≥ 50 at the as-of date (I-9)
                cell("IM-2017 三(四): AGE_FULL man of 55 → WAIVED", "IM-2017", s -> person(s, man(1964, 12, 31)),
                        Outcome.WAIVED, null, ReliefKind.AGE_FULL, "2016,2017,2018"),
                cell("IM-2022 三(一): AGE_FULL woman of 50 → WAIVED", "IM-2022", s -> person(s, woman(1973, 1, 1)),
                        Outcome.WAIVED, null, ReliefKind.AGE_FULL, "2021,2022,2023"),
                cell("IM-2025 一(五)1: AGE_FULL man of 55 → NOT_LIMITING, reference NOT_MET", "IM-2025", s -> person(s, man(1970, 3, 1)),
                        Outcome.NOT_LIMITING, Status.NOT_MET, ReliefKind.AGE_FULL, "2023,2024,2025"),
                cell("NX-2022 (—): no age relief for a man of 62", "NX-2022", s -> person(s, man(1960, 1, 1)),
                        Outcome.NOT_MET, null, null, "2017,2018,2019,2020,2021"),
                // ---- age partial: men ≥ 50, women ≥ 45
                cell("IM-2017 三(四) (I-10): AGE_PARTIAL one third of 170 = 56.7 in the window, no participation", "IM-2017",
                        s -> person(s, man(1968, 5, 1)).year(2016, "0", "56.7"), Outcome.MET, null, ReliefKind.AGE_PARTIAL, "2016,2017,2018"),
                cell("IM-2022 三(一) (I-10): AGE_PARTIAL one third of the summed minimums 90/180/270", "IM-2022",
                        s -> person(s, woman(1977, 5, 1)).year(2021, "30", "60"), Outcome.MET, null, ReliefKind.AGE_PARTIAL, "2021,2022,2023"),
                cell("IM-2025 一(五)1: AGE_PARTIAL any one year of the window meets the yearly minimums", "IM-2025",
                        s -> person(s, man(1974, 2, 1)).year(2024, "30", "60"), Outcome.MET, null, ReliefKind.AGE_PARTIAL, "2023,2024,2025"),
                cell("NX-2022 (—): no partial age relief for a man of 52", "NX-2022",
                        s -> person(s, man(1970, 1, 1)).year(2019, "30", "60"), Outcome.NOT_MET, null, null, "2017,2018,2019,2020,2021"),
                // ---- sector NON_PUBLIC
                cell("IM-2017 (—): no relief for the non-public sector", "IM-2017", s -> person(s, sector(Sector.NON_PUBLIC)),
                        Outcome.NOT_MET, null, null, "2016,2017,2018"),
                cell("IM-2022 三(二): NON_PUBLIC_SECTOR → NOT_LIMITING", "IM-2022", s -> person(s, sector(Sector.NON_PUBLIC)),
                        Outcome.NOT_LIMITING, Status.NOT_MET, ReliefKind.NON_PUBLIC_SECTOR, "2021,2022,2023"),
                cell("IM-2025 一(五)2: NON_PUBLIC_SECTOR → NOT_LIMITING, reference MET", "IM-2025",
                        s -> person(s, sector(Sector.NON_PUBLIC)).fullYear(2023).fullYear(2024).fullYear(2025),
                        Outcome.NOT_LIMITING, Status.MET, ReliefKind.NON_PUBLIC_SECTOR, "2023,2024,2025"),
                cell("NX-2022 (—): no relief for the non-public sector", "NX-2022", s -> person(s, sector(Sector.NON_PUBLIC)),
                        Outcome.NOT_MET, null, null, "2017,2018,2019,2020,2021"),
                // ---- grassroots post
                cell("IM-2017 (—): no relief for a grassroots post", "IM-2017", s -> person(s, grassroots()),
                        Outcome.NOT_MET, null, null, "2016,2017,2018"),
                cell("IM-2022 三(三): GRASSROOTS → NOT_LIMITING", "IM-2022", s -> person(s, grassroots()),
                        Outcome.NOT_LIMITING, Status.NOT_MET, ReliefKind.GRASSROOTS, "2021,2022,2023"),
                cell("IM-2025 一(五)2: GRASSROOTS → NOT_LIMITING", "IM-2025", s -> person(s, grassroots()),
                        Outcome.NOT_LIMITING, Status.NOT_MET, ReliefKind.GRASSROOTS, "2023,2024,2025"),
                cell("NX-2022 (—): no relief for a grassroots post", "NX-2022", s -> person(s, grassroots()),
                        Outcome.NOT_MET, null, null, "2017,2018,2019,2020,2021"),
                // ---- COVID_FRONTLINE exemption
                cell("IM-2017 (—): a COVID_FRONTLINE exemption changes nothing", "IM-2017",
                        s -> person(s, p -> p).exemption("x-1", ExemptionKind.COVID_FRONTLINE, 2017),
                        Outcome.NOT_MET, null, null, "2016,2017,2018"),
                cell("IM-2022 三(四): COVID_FRONTLINE → WAIVED whatever its years (2020, outside the window)", "IM-2022",
                        s -> person(s, p -> p).exemption("x-1", ExemptionKind.COVID_FRONTLINE, 2020),
                        Outcome.WAIVED, null, ReliefKind.COVID_FRONTLINE, "2021,2022,2023"),
                cell("IM-2025 一(五)4: COVID_FRONTLINE years 2023, 2024 leave the window", "IM-2025",
                        s -> person(s, p -> p).exemption("x-1", ExemptionKind.COVID_FRONTLINE, 2023, 2024).fullYear(2025),
                        Outcome.MET, null, ReliefKind.COVID_FRONTLINE, "2025"),
                cell("NX-2022 (—): a COVID_FRONTLINE exemption changes nothing", "NX-2022",
                        s -> person(s, p -> p).exemption("x-1", ExemptionKind.COVID_FRONTLINE, 2020),
                        Outcome.NOT_MET, null, null, "2017,2018,2019,2020,2021"),
                // ---- transfer FROM_GOVERNMENT_ORGAN in year T
                cell("IM-2017 (—): a transfer from a government organ changes nothing", "IM-2017",
                        s -> person(s, p -> p).transfer(TransferKind.FROM_GOVERNMENT_ORGAN, LocalDate.of(2019, 3, 1), null, Sector.PUBLIC_INSTITUTION),
                        Outcome.NOT_MET, null, null, "2016,2017,2018"),
                cell("IM-2022 三(七): GOVERNMENT_TRANSFER in E → WAIVED", "IM-2022",
                        s -> person(s, p -> p).transfer(TransferKind.FROM_GOVERNMENT_ORGAN, LocalDate.of(2023, 3, 1), null, Sector.PUBLIC_INSTITUTION),
                        Outcome.WAIVED, null, ReliefKind.GOVERNMENT_TRANSFER, "2021,2022,2023"),
                cell("IM-2025 一(五)5: GOVERNMENT_TRANSFER in 2024 → only 2025 counts", "IM-2025",
                        s -> person(s, p -> p).transfer(TransferKind.FROM_GOVERNMENT_ORGAN, LocalDate.of(2024, 3, 1), null, Sector.PUBLIC_INSTITUTION).fullYear(2025),
                        Outcome.MET, null, ReliefKind.GOVERNMENT_TRANSFER, "2025"),
                cell("NX-2022 (—): a transfer from a government organ changes nothing", "NX-2022",
                        s -> person(s, p -> p).transfer(TransferKind.FROM_GOVERNMENT_ORGAN, LocalDate.of(2022, 3, 1), null, Sector.PUBLIC_INSTITUTION),
                        Outcome.NOT_MET, null, null, "2017,2018,2019,2020,2021"),
                // ---- POSTDOC exemption
                cell("IM-2017 (—): a POSTDOC exemption changes nothing", "IM-2017",
                        s -> person(s, p -> p).exemption("x-1", ExemptionKind.POSTDOC), Outcome.NOT_MET, null, null, "2016,2017,2018"),
                cell("IM-2022 (—): a POSTDOC exemption changes nothing", "IM-2022",
                        s -> person(s, p -> p).exemption("x-1", ExemptionKind.POSTDOC), Outcome.NOT_MET, null, null, "2021,2022,2023"),
                cell("IM-2025 一(五)3: POSTDOC for ASSOCIATE_SENIOR → WAIVED", "IM-2025",
                        s -> person(s, p -> p).exemption("x-1", ExemptionKind.POSTDOC), Outcome.WAIVED, null, ReliefKind.POSTDOC, "2023,2024,2025"),
                cell("NX-2022 (—): a POSTDOC exemption changes nothing", "NX-2022",
                        s -> person(s, p -> p).exemption("x-1", ExemptionKind.POSTDOC), Outcome.NOT_MET, null, null, "2017,2018,2019,2020,2021"),
                // ---- exceptional promotion (破格), title obtained mid-year
                cell("IM-2017 (—): an exceptional application cuts nothing", "IM-2017",
                        s -> person(s, obtained(LocalDate.of(2017, 7, 1))), Outcome.NOT_MET, null, null, "2016,2017,2018"),
                cell("IM-2022 (—): an exceptional application cuts nothing", "IM-2022",
                        s -> person(s, obtained(LocalDate.of(2022, 7, 1))), Outcome.NOT_MET, null, null, "2021,2022,2023"),
                cell("IM-2025 一(五)6: EXCEPTIONAL_PROMOTION keeps the years after the title (2023) → 2024, 2025", "IM-2025",
                        s -> person(s, obtained(LocalDate.of(2023, 7, 1))).fullYear(2024).fullYear(2025),
                        Outcome.MET, null, ReliefKind.EXCEPTIONAL_PROMOTION, "2024,2025"),
                cell("NX-2022 (—): an exceptional application cuts nothing", "NX-2022",
                        s -> person(s, obtained(LocalDate.of(2019, 7, 1))), Outcome.NOT_MET, null, null, "2017,2018,2019,2020,2021"),
                // ---- degree enrolled and graduated inside the window
                cell("IM-2017 (—): a degree inside the window is no relief", "IM-2017",
                        s -> person(s, p -> p).degree(LocalDate.of(2016, 9, 1), LocalDate.of(2018, 6, 30), Degree.MASTER, null),
                        Outcome.NOT_MET, null, null, "2016,2017,2018"),
                cell("IM-2022 (—): a degree inside the window is no relief", "IM-2022",
                        s -> person(s, p -> p).degree(LocalDate.of(2021, 9, 1), LocalDate.of(2023, 6, 30), Degree.MASTER, null),
                        Outcome.NOT_MET, null, null, "2021,2022,2023"),
                cell("IM-2025 (—): a degree inside the window is no relief", "IM-2025",
                        s -> person(s, p -> p).degree(LocalDate.of(2023, 9, 1), LocalDate.of(2025, 6, 30), Degree.MASTER, null),
                        Outcome.NOT_MET, null, null, "2023,2024,2025"),
                cell("NX-2022 一(三)1: DEGREE_IN_WINDOW enrolled 2018 and graduated 2021 → WAIVED", "NX-2022",
                        s -> person(s, p -> p).degree(LocalDate.of(2018, 9, 1), LocalDate.of(2021, 6, 30), Degree.DOCTOR, null),
                        Outcome.WAIVED, null, ReliefKind.DEGREE_IN_WINDOW, "2017,2018,2019,2020,2021")
        );
    }

    private static Arguments cell(String name, String ruleSetId, Function<RuleSet, Facts> facts, Outcome outcome,
                                  Status reference, ReliefKind decisive, String window) {
        return arguments(name, ruleSetId, facts, outcome, reference, decisive, window);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void eachReliefAsEachRuleSetDefinesIt(String name, String ruleSetId, Function<RuleSet, Facts> facts, Outcome outcome,
                                          Status reference, ReliefKind decisive, String window) {
        RuleSet ruleSet = set(ruleSetId);
        EligibilityQuery query = new EligibilityQuery(Purpose.TITLE_EVALUATION, "ASSOCIATE_SENIOR", YEAR.get(ruleSetId), null,
                name.contains("exceptional") || name.contains("EXCEPTIONAL"));

        Decision d = ENGINE.evaluate(facts.apply(ruleSet).list(), ruleSet, query);

        assertThat(d.outcome()).isEqualTo(outcome);
        assertThat(d.eligible()).isEqualTo(outcome != Outcome.NOT_MET);
        assertThat(d.referenceStatus()).isEqualTo(reference);
        assertThat(d.window()).map(String::valueOf).containsExactly(window.split(","));
        if (decisive == null) {
            assertThat(d.reliefs()).isEmpty();
        } else {
            assertThat(d.reliefs()).filteredOn(Relief::decisive).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(decisive);
                assertThat(r.citation()).startsWith(ruleSetId);
                assertThat(r.detail()).isNotBlank();
            });
        }
    }

    @Test
    void allReliefsThatApplyAreListedAndTheFirstWaiverInTableOrderDecides() {
        // IM-2022: a woman of 51 (AGE_FULL, AGE_PARTIAL) in the non-public sector with a COVID exemption.
        Facts facts = person(set("IM-2022"), woman(1972, 1, 1).andThen(sector(Sector.NON_PUBLIC))::apply)
                .exemption("x-1", ExemptionKind.COVID_FRONTLINE, 2022);

        Decision d = ENGINE.evaluate(facts.list(), set("IM-2022"), EligibilityQuery.title(TitleLevel.INTERMEDIATE, 2023));

        assertThat(d.outcome()).isEqualTo(Outcome.WAIVED);
        assertThat(d.reliefs()).extracting(Relief::kind, Relief::decisive).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ReliefKind.AGE_FULL, true),
                org.assertj.core.groups.Tuple.tuple(ReliefKind.AGE_PARTIAL, false),
                org.assertj.core.groups.Tuple.tuple(ReliefKind.NON_PUBLIC_SECTOR, false),
                org.assertj.core.groups.Tuple.tuple(ReliefKind.COVID_FRONTLINE, false));
        assertThat(d.requirements()).isEmpty();
    }

    @Test
    void notLimitingStillEvaluatesTheHoursAgainstTheRequirementAsLaterStepsShapeIt() {
        // IM-2025: a man of 56 (AGE_FULL not limiting); the reference uses AGE_PARTIAL (any one year).
        Facts facts = person(set("IM-2025"), man(1969, 1, 1)).fullYear(2024);

        Decision d = ENGINE.evaluate(facts.list(), set("IM-2025"), EligibilityQuery.title(TitleLevel.SENIOR, 2025));

        assertThat(d.outcome()).isEqualTo(Outcome.NOT_LIMITING);
        assertThat(d.eligible()).isTrue();
        assertThat(d.referenceStatus()).isEqualTo(Status.MET);
        assertThat(d.requirements()).filteredOn(r -> r.scope().equals("2024")).allSatisfy(r -> assertThat(r.met()).isTrue());
        assertThat(d.requirements()).filteredOn(r -> r.scope().equals("2023")).allSatisfy(r -> assertThat(r.met()).isFalse());
    }

    @Test
    void covidYearsCoveringTheWholeWindowWaiveIt() {
        // IM-2025 一(五)4: its years leave the window; none left: WAIVED (RULES.md §6 last line).
        Facts facts = person(set("IM-2025"), p -> p).exemption("x-1", ExemptionKind.COVID_FRONTLINE, 2023, 2024, 2025);

        Decision d = ENGINE.evaluate(facts.list(), set("IM-2025"), EligibilityQuery.title(TitleLevel.INTERMEDIATE, 2025));

        assertThat(d.outcome()).isEqualTo(Outcome.WAIVED);
        assertThat(d.window()).isEmpty();
        assertThat(d.reliefs()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReliefKind.COVID_FRONTLINE);
            assertThat(r.decisive()).isTrue();
            assertThat(r.effect()).isEqualTo(ReliefEffect.WINDOW_CUT);
        });
    }

    @Test
    void postdocWaivesOnlyTheSeniorLevels() {
        Facts facts = person(set("IM-2025"), p -> p).exemption("x-1", ExemptionKind.POSTDOC);

        Decision d = ENGINE.evaluate(facts.list(), set("IM-2025"), EligibilityQuery.title(TitleLevel.INTERMEDIATE, 2025));

        assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(d.reliefs()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReliefKind.POSTDOC);
            assertThat(r.effect()).isEqualTo(ReliefEffect.NONE);
            assertThat(r.decisive()).isFalse();
        });
    }

    @Test
    void reliefsDoNotApplyToAssessmentRecognition() {
        // The documents say "参加职称评审时": a man of 60 asking for recognition gets no relief.
        Facts facts = person(set("IM-2022"), man(1963, 1, 1));

        Decision d = ENGINE.evaluate(facts.list(), set("IM-2022"),
                EligibilityQuery.recognition(RecognitionPath.BACHELOR_TO_ASSISTANT, 2023));

        assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(d.reliefs()).isEmpty();
    }

    @Test
    void im2025SectorReliefIsForTheEvaluationYear2025Only() {
        // IM-2025 一(五)2 "在参加2025年度职称评审时": listed for 2026 but without effect.
        Facts facts = person(set("IM-2025"), sector(Sector.NON_PUBLIC));

        Decision d = ENGINE.evaluate(facts.list(), set("IM-2025"), EligibilityQuery.title(TitleLevel.INTERMEDIATE, 2026));

        assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(d.reliefs()).singleElement().satisfies(r -> {
            assertThat(r.effect()).isEqualTo(ReliefEffect.NONE);
            assertThat(r.detail()).contains("up to 2025");
        });
    }

    @Test
    void aRevokedExemptionIsNoRelief() {
        Facts facts = person(set("IM-2022"), p -> p).exemption("x-1", ExemptionKind.COVID_FRONTLINE, 2022).revokeExemption("x-1");

        Decision d = ENGINE.evaluate(facts.list(), set("IM-2022"), EligibilityQuery.title(TitleLevel.INTERMEDIATE, 2023));

        assertThat(d.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(d.reliefs()).isEmpty();
    }

    // ---- profiles ------------------------------------------------------------------------------

    static Facts person(RuleSet ruleSet, UnaryOperator<PractitionerProfile> change) {
        Jurisdiction j = ruleSet.jurisdiction();
        return Facts.practitioner(p -> change.apply(Facts.with(p, j, p.gender(), p.birthDate(), p.sector(), p.grassroots(),
                p.titleLevel(), p.titleObtainedOn(), p.degree())));
    }

    static Op man(int y, int m, int d) {
        return p -> Facts.with(p, p.jurisdiction(), Gender.MALE, LocalDate.of(y, m, d), p.sector(), p.grassroots(),
                p.titleLevel(), p.titleObtainedOn(), p.degree());
    }

    static Op woman(int y, int m, int d) {
        return p -> Facts.with(p, p.jurisdiction(), Gender.FEMALE, LocalDate.of(y, m, d), p.sector(), p.grassroots(),
                p.titleLevel(), p.titleObtainedOn(), p.degree());
    }

    static Op sector(Sector sector) {
        return p -> Facts.with(p, p.jurisdiction(), p.gender(), p.birthDate(), sector, p.grassroots(),
                p.titleLevel(), p.titleObtainedOn(), p.degree());
    }

    static Op grassroots() {
        return p -> Facts.with(p, p.jurisdiction(), p.gender(), p.birthDate(), p.sector(), true,
                p.titleLevel(), p.titleObtainedOn(), p.degree());
    }

    static Op obtained(LocalDate date) {
        return p -> Facts.with(p, p.jurisdiction(), p.gender(), p.birthDate(), p.sector(), p.grassroots(),
                p.titleLevel(), date, p.degree());
    }

    /** A profile change that composes. */
    interface Op extends UnaryOperator<PractitionerProfile> {
        default Op andThen(Op next) {
            return p -> next.apply(apply(p));
        }
    }
}
