package org.celedger.domain.practitioner;

import static org.celedger.domain.practitioner.Facts.*;
import static org.celedger.domain.practitioner.PractitionerTest.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.celedger.domain.DomainRejection;
import org.celedger.domain.InvalidFactException;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invariant the aggregate enforces, one row each: the command is refused with an
 * {@link InvalidFactException} naming the offending field, and nothing is recorded.
 */
class PractitionerRejectionTest {

    static Stream<Arguments> invalidFacts() {
        var p = profile();
        var a = award("a-1");
        return Stream.of(
                row("practitioner id with a space", new RegisterPractitionerCommand("p 1", p), "id"),
                row("practitioner id blank", new RegisterPractitionerCommand(" ", p), "id"),
                row("no profile", new RegisterPractitionerCommand(P, null), "profile"),
                row("name missing", new RegisterPractitionerCommand(P, new PractitionerProfile(null, p.gender(),
                        p.birthDate(), p.jurisdiction(), p.region(), p.sector(), p.grassroots(), p.titleSeries(),
                        p.titleLevel(), p.titleObtainedOn(), p.degree())), "name"),
                row("gender missing", new RegisterPractitionerCommand(P, new PractitionerProfile(p.name(), null,
                        p.birthDate(), p.jurisdiction(), p.region(), p.sector(), p.grassroots(), p.titleSeries(),
                        p.titleLevel(), p.titleObtainedOn(), p.degree())), "gender"),
                row("birth date in the future", new RegisterPractitionerCommand(P, new PractitionerProfile(p.name(),
                        p.gender(), LocalDate.of(2030, 1, 1), p.jurisdiction(), p.region(), p.sector(), p.grassroots(),
                        p.titleSeries(), p.titleLevel(), p.titleObtainedOn(), p.degree())), "birthDate"),
                row("birth date before 1920", new RegisterPractitionerCommand(P, new PractitionerProfile(p.name(),
                        p.gender(), LocalDate.of(1899, 1, 1), p.jurisdiction(), p.region(), p.sector(), p.grassroots(),
                        p.titleSeries(), p.titleLevel(), p.titleObtainedOn(), p.degree())), "birthDate"),
                row("jurisdiction missing", new RegisterPractitionerCommand(P, new PractitionerProfile(p.name(),
                        p.gender(), p.birthDate(), null, p.region(), p.sector(), p.grassroots(), p.titleSeries(),
                        p.titleLevel(), p.titleObtainedOn(), p.degree())), "jurisdiction"),
                row("region blank", new RegisterPractitionerCommand(P, new PractitionerProfile(p.name(), p.gender(),
                        p.birthDate(), p.jurisdiction(), "", p.sector(), p.grassroots(), p.titleSeries(),
                        p.titleLevel(), p.titleObtainedOn(), p.degree())), "region"),
                row("sector missing", new RegisterPractitionerCommand(P, new PractitionerProfile(p.name(), p.gender(),
                        p.birthDate(), p.jurisdiction(), p.region(), null, p.grassroots(), p.titleSeries(),
                        p.titleLevel(), p.titleObtainedOn(), p.degree())), "sector"),
                row("grassroots missing", new RegisterPractitionerCommand(P, new PractitionerProfile(p.name(),
                        p.gender(), p.birthDate(), p.jurisdiction(), p.region(), p.sector(), null, p.titleSeries(),
                        p.titleLevel(), p.titleObtainedOn(), p.degree())), "grassroots"),
                row("title date missing for a titled practitioner", new RegisterPractitionerCommand(P,
                        new PractitionerProfile(p.name(), p.gender(), p.birthDate(), p.jurisdiction(), p.region(),
                                p.sector(), p.grassroots(), p.titleSeries(), p.titleLevel(), null, p.degree())),
                        "titleObtainedOn"),
                row("title obtained before birth", new RegisterPractitionerCommand(P,
                        new PractitionerProfile(p.name(), p.gender(), p.birthDate(), p.jurisdiction(), p.region(),
                                p.sector(), p.grassroots(), p.titleSeries(), p.titleLevel(), LocalDate.of(1979, 1, 1),
                                p.degree())), "titleObtainedOn"),
                row("title date without a title", new RegisterPractitionerCommand(P,
                        new PractitionerProfile(p.name(), p.gender(), p.birthDate(), p.jurisdiction(), p.region(),
                                p.sector(), p.grassroots(), null, TitleLevel.NONE, LocalDate.of(2015, 1, 1),
                                p.degree())), "titleObtainedOn"),
                row("degree missing", new RegisterPractitionerCommand(P, new PractitionerProfile(p.name(), p.gender(),
                        p.birthDate(), p.jurisdiction(), p.region(), p.sector(), p.grassroots(), p.titleSeries(),
                        p.titleLevel(), p.titleObtainedOn(), null)), "degree"),

                given("correction without changes", new CorrectProfileCommand(P, "c-1",
                        new ProfileChanges(null, null, null, null, null, null, null, null, null, null, null), "x"),
                        "changes"),
                given("correction without reason", new CorrectProfileCommand(P, "c-1", changes("李明"), " "), "reason"),
                given("correction making the profile implausible", new CorrectProfileCommand(P, "c-1",
                        new ProfileChanges(null, null, LocalDate.of(2031, 1, 1), null, null, null, null, null, null,
                                null, null), "错"), "changes.birthDate"),
                given("correction id missing", new CorrectProfileCommand(P, null, changes("李明"), "x"), "correctionId"),

                given("award id missing", awardWith(a, null, a.year(), a.hours(), null), "awardId"),
                given("award id with a space", awardWith(a, "a 1", a.year(), a.hours(), null), "awardId"),
                given("year missing", awardWith(a, "a-1", null, a.hours(), null), "year"),
                given("year before 1980", awardWith(a, "a-1", 1979, a.hours(), null), "year"),
                given("year in the future", awardWith(a, "a-1", 2027, a.hours(), null), "year"),
                given("neither hours nor minutes", awardWith(a, "a-1", 2025, null, null), "hours"),
                given("hours and minutes both", awardWith(a, "a-1", 2025, a.hours(), 90), "minutes"),
                given("negative hours", awardWith(a, "a-1", 2025, new BigDecimal("-4"), null), "hours"),
                given("zero hours", awardWith(a, "a-1", 2025, BigDecimal.ZERO, null), "hours"),
                given("absurd hours", awardWith(a, "a-1", 2025, new BigDecimal("5000"), null), "hours"),
                given("hours with two decimals", awardWith(a, "a-1", 2025, new BigDecimal("1.25"), null), "hours"),
                given("zero minutes", awardWith(a, "a-1", 2025, null, 0), "minutes"),
                given("absurd minutes", awardWith(a, "a-1", 2025, null, 600_000), "minutes"),
                given("category missing", new AwardCreditCommand(P, "a-1", 2025, null, a.activity(), a.hours(), null,
                        null, null, a.approvedBy(), null, a.completedOn()), "category"),
                given("activity missing", new AwardCreditCommand(P, "a-1", 2025, a.category(), null, a.hours(), null,
                        null, null, a.approvedBy(), null, a.completedOn()), "activity"),
                given("approving authority missing", new AwardCreditCommand(P, "a-1", 2025, a.category(),
                        a.activity(), a.hours(), null, null, null, null, null, a.completedOn()), "approvedBy"),
                given("completion date missing", new AwardCreditCommand(P, "a-1", 2025, a.category(), a.activity(),
                        a.hours(), null, null, null, a.approvedBy(), null, null), "completedOn"),
                given("completion date in the future", new AwardCreditCommand(P, "a-1", 2025, a.category(),
                        a.activity(), a.hours(), null, null, null, a.approvedBy(), null, LocalDate.of(2026, 6, 3)),
                        "completedOn"),
                given("base id malformed", new AwardCreditCommand(P, "a-1", 2025, a.category(), a.activity(),
                        a.hours(), null, "base 1", null, a.approvedBy(), null, a.completedOn()), "baseId"),

                withAward("revocation without reason", new RevokeCreditCommand(P, "a-1", "", null, null), "reason"),
                withAward("inspection revocation without the inspection", new RevokeCreditCommand(P, "a-1", "x",
                        RevocationCause.FAILED_INSPECTION, null), "causeReference"),
                withAward("reassignment to a later year", new ReassignCreditCommand(P, "a-1", 2026, "x"), "targetYear"),
                withAward("reassignment to the same year", new ReassignCreditCommand(P, "a-1", 2025, "x"),
                        "targetYear"),
                withAward("reassignment without target", new ReassignCreditCommand(P, "a-1", null, "x"), "targetYear"),
                withAward("reassignment without reason", new ReassignCreditCommand(P, "a-1", 2024, null), "reason"),

                given("conversion kind missing", conversion("v-1", null), "kind"),
                given("conversion date missing", new RecordConversionCommand(P, "v-1",
                        ConversionKind.TITLE_LANGUAGE_EXAM_PASSED, null, null, null, null, null, null, null, null),
                        "date"),
                given("conversion in the future", new RecordConversionCommand(P, "v-1",
                        ConversionKind.TITLE_LANGUAGE_EXAM_PASSED, LocalDate.of(2027, 1, 1), null, null, null, null,
                        null, null, null), "date"),
                given("qualification exam without inRegion", conversion("v-1",
                        ConversionKind.QUALIFICATION_EXAM_PASSED), "inRegion"),
                given("inRegion on a language exam", withInRegion(conversion("v-1",
                        ConversionKind.TITLE_LANGUAGE_EXAM_PASSED), true), "inRegion"),
                given("quantity on a language exam", withQuantity(conversion("v-1",
                        ConversionKind.TITLE_LANGUAGE_EXAM_PASSED), "1"), "quantity"),
                given("computer exam without modules", conversion("v-1", ConversionKind.COMPUTER_EXAM_PASSED),
                        "quantity"),
                given("computer exam with half a module", withQuantity(conversion("v-1",
                        ConversionKind.COMPUTER_EXAM_PASSED), "1.5"), "quantity"),
                given("lecturing without hours", conversion("v-1", ConversionKind.LECTURING_DELIVERED), "quantity"),
                given("lecturing negative hours", withQuantity(conversion("v-1",
                        ConversionKind.LECTURING_DELIVERED), "-2"), "quantity"),
                given("study tour in quarter days", withQuantity(conversion("v-1",
                        ConversionKind.STUDY_TOUR_COMPLETED), "1.2"), "quantity"),
                given("study tour of two years", withQuantity(conversion("v-1",
                        ConversionKind.STUDY_TOUR_COMPLETED), "700"), "quantity"),
                given("degree without enrolment", new RecordConversionCommand(P, "d-1",
                        ConversionKind.DEGREE_COMPLETED, LocalDate.of(2025, 4, 1), null, null, null,
                        LocalDate.of(2025, 3, 31), Degree.MASTER, null, null), "enrolledOn"),
                given("degree graduated before enrolled", new RecordConversionCommand(P, "d-1",
                        ConversionKind.DEGREE_COMPLETED, LocalDate.of(2025, 4, 1), null, null,
                        LocalDate.of(2025, 9, 1), LocalDate.of(2025, 3, 31), Degree.MASTER, null, null),
                        "graduatedOn"),
                given("degree without its degree", new RecordConversionCommand(P, "d-1",
                        ConversionKind.DEGREE_COMPLETED, LocalDate.of(2025, 4, 1), null, null,
                        LocalDate.of(2022, 9, 1), LocalDate.of(2025, 3, 31), null, null, null), "degree"),
                given("degree fields on a lecture", new RecordConversionCommand(P, "v-1",
                        ConversionKind.LECTURING_DELIVERED, LocalDate.of(2025, 4, 1), BigDecimal.TEN, null, null,
                        null, Degree.MASTER, null, null), "degree"),
                given("conversion revocation of nothing named", new RevokeConversionCommand(P, null, "x"),
                        "conversionId"),

                given("COVID exemption without years", new GrantExemptionCommand(P, "e-1",
                        ExemptionKind.COVID_FRONTLINE, List.of(), "文件", "卫健委"), "years"),
                given("exemption year in the future", new GrantExemptionCommand(P, "e-1",
                        ExemptionKind.COVID_FRONTLINE, List.of(2030), "文件", "卫健委"), "years"),
                given("exemption year twice", new GrantExemptionCommand(P, "e-1",
                        ExemptionKind.COVID_FRONTLINE, List.of(2021, 2021), "文件", "卫健委"), "years"),
                given("exemption kind missing", new GrantExemptionCommand(P, "e-1", null, List.of(2021), "文件",
                        "卫健委"), "kind"),
                given("exemption without evidence", new GrantExemptionCommand(P, "e-1",
                        ExemptionKind.POSTDOC, null, null, "卫健委"), "evidence"),
                given("exemption without authority", new GrantExemptionCommand(P, "e-1",
                        ExemptionKind.POSTDOC, null, "文件", ""), "grantedBy"),
                Arguments.of("exemption revocation without reason", List.of(registered(), new ExemptionGranted(P,
                        "e-1", ExemptionKind.POSTDOC, List.of(), "文件", "人社厅")),
                        new RevokeExemptionCommand(P, "e-1", null), "reason"),

                given("transfer kind missing", new TransferPractitionerCommand(P, "t-1", null,
                        LocalDate.of(2024, 1, 1), null, null, null), "kind"),
                given("transfer date missing", new TransferPractitionerCommand(P, "t-1",
                        TransferKind.BETWEEN_EMPLOYERS, null, null, null, null), "effectiveDate"),
                given("transfer in 1970", new TransferPractitionerCommand(P, "t-1",
                        TransferKind.BETWEEN_EMPLOYERS, LocalDate.of(1970, 1, 1), null, null, null), "effectiveDate"),
                given("transfer between regions to nowhere", new TransferPractitionerCommand(P, "t-1",
                        TransferKind.BETWEEN_REGIONS, LocalDate.of(2024, 1, 1), null, null, null), "toRegion"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFacts")
    void refusesAnInvalidFactNamingTheField(String description, List<Object> history, Object command, String field) {
        new AggregateTestFixture<>(Practitioner.class)
                .given(history).andGivenCurrentTime(NOW)
                .when(command)
                .expectException(rejectionOf(field))
                .expectNoEvents();
    }

    private static Arguments row(String description, Object command, String field) {
        return Arguments.of(description, List.of(), command, field);
    }

    private static Arguments given(String description, Object command, String field) {
        return Arguments.of(description, List.of(registered()), command, field);
    }

    private static Arguments withAward(String description, Object command, String field) {
        return Arguments.of(description, List.of(registered(), awarded("a-1")), command, field);
    }

    private static AwardCreditCommand awardWith(AwardCreditCommand a, String id, Integer year, BigDecimal hours,
                                                Integer minutes) {
        return new AwardCreditCommand(P, id, year, a.category(), a.activity(), hours, minutes, a.baseId(),
                a.sessionId(), a.approvedBy(), a.certificateNo(), a.completedOn());
    }

    private static TypeSafeMatcher<DomainRejection> rejectionOf(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainRejection e) {
                return e instanceof InvalidFactException && field.equals(e.field());
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("InvalidFactException naming field ").appendValue(field);
            }
        };
    }
}
