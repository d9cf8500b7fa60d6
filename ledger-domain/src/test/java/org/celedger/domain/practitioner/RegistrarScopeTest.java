package org.celedger.domain.practitioner;

import static org.celedger.domain.practitioner.Facts.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.celedger.domain.OutOfScopeException;
import org.celedger.domain.WriteOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A registrar's scope, judged by the practitioner on the profile it holds (p-1: IM, 呼和浩特市): registrations on the
 * profile registered, the other registrar writes on the profile as it stands today, after corrections and the
 * transfers in effect.
 */
class RegistrarScopeTest {

    static final Instant NOW = Instant.parse("2026-06-01T04:00:00Z");
    static final Map<String, Object> IM = scope(Set.of(Jurisdiction.IM), Set.of());
    static final Map<String, Object> NX = scope(Set.of(Jurisdiction.NX), Set.of());
    static final Map<String, Object> HOHHOT = scope(Set.of(), Set.of("呼和浩特市"));
    static final Map<String, Object> IM_BAOTOU = scope(Set.of(Jurisdiction.IM), Set.of("包头市"));

    private AggregateTestFixture<Practitioner> fixture;

    static Map<String, Object> scope(Set<Jurisdiction> jurisdictions, Set<String> regions) {
        return Map.of(RegistrarScope.METADATA, new RegistrarScope(jurisdictions, regions));
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Practitioner.class);
    }

    @Test
    void aRegistrarRegistersPractitionersOfItsJurisdictionOrRegion() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW).when(register(), IM)
                .expectResultMessagePayload(WriteOutcome.ACCEPTED).expectEvents(registered());
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW).when(register(), HOHHOT)
                .expectResultMessagePayload(WriteOutcome.ACCEPTED).expectEvents(registered());
    }

    @Test
    void aRegistrarOfAnotherJurisdictionOrRegionRegistersNobodyHereNotEvenARetry() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW).when(register(), NX)
                .expectException(OutOfScopeException.class).expectNoEvents();
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW).when(register(), IM_BAOTOU)
                .expectException(OutOfScopeException.class).expectNoEvents();
        fixture.given(registered()).andGivenCurrentTime(NOW).when(register(), NX)
                .expectException(OutOfScopeException.class).expectNoEvents();
    }

    @Test
    void aScopeNamingNeitherJurisdictionsNorRegionsCoversNobody() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(NOW).when(register(), scope(Set.of(), Set.of()))
                .expectException(OutOfScopeException.class).expectNoEvents();
    }

    @Test
    void aRegistrarOfImCorrectsGrantsRevokesAndTransfersAnImPractitioner() {
        var correction = new CorrectProfileCommand(P, "c-1", changesOfBirthDate(), "身份证号核对");
        fixture.given(registered()).andGivenCurrentTime(NOW).when(correction, IM)
                .expectResultMessagePayload(WriteOutcome.ACCEPTED).expectEvents(new PractitionerProfileCorrected(P,
                        "c-1", changesOfBirthDate(), new ProfileChanges(null, null, LocalDate.of(1980, 5, 17), null,
                                null, null, null, null, null, null, null), "身份证号核对"));
        fixture.given(registered()).andGivenCurrentTime(NOW).when(covid("e-1"), IM)
                .expectResultMessagePayload(WriteOutcome.ACCEPTED);
        fixture.given(registered(), new ExemptionGranted(P, "e-1", ExemptionKind.COVID_FRONTLINE,
                        java.util.List.of(2021, 2022), "表彰文件", "自治区卫健委")).andGivenCurrentTime(NOW)
                .when(new RevokeExemptionCommand(P, "e-1", "误报"), HOHHOT)
                .expectResultMessagePayload(WriteOutcome.ACCEPTED);
        fixture.given(registered()).andGivenCurrentTime(NOW).when(toNingxia("t-1", LocalDate.of(2026, 7, 1)), IM)
                .expectResultMessagePayload(WriteOutcome.ACCEPTED);
    }

    @Test
    void aRegistrarOfNxMayNotTouchAnImPractitioner() {
        fixture.given(registered()).andGivenCurrentTime(NOW)
                .when(new CorrectProfileCommand(P, "c-1", changesOfBirthDate(), "改小年龄"), NX)
                .expectException(OutOfScopeException.class).expectNoEvents();
        fixture.given(registered()).andGivenCurrentTime(NOW).when(covid("e-1"), NX)
                .expectException(OutOfScopeException.class).expectNoEvents();
        fixture.given(registered()).andGivenCurrentTime(NOW).when(new RevokeExemptionCommand(P, "e-x", "误报"), NX)
                .expectException(OutOfScopeException.class).expectNoEvents();
        fixture.given(registered()).andGivenCurrentTime(NOW).when(toNingxia("t-1", LocalDate.of(2026, 1, 1)), NX)
                .expectException(OutOfScopeException.class).expectNoEvents();
    }

    @Test
    void aTransferInEffectHandsThePractitionerToTheOfficeItMovesTo() {
        var moved = new PractitionerTransferred(P, "t-1", TransferKind.BETWEEN_REGIONS, LocalDate.of(2026, 1, 1),
                Jurisdiction.NX, "银川市", null);
        fixture.given(registered(), moved).andGivenCurrentTime(NOW).when(covid("e-1"), NX)
                .expectResultMessagePayload(WriteOutcome.ACCEPTED);
        fixture.given(registered(), moved).andGivenCurrentTime(NOW).when(covid("e-1"), IM)
                .expectException(OutOfScopeException.class).expectNoEvents();
    }

    @Test
    void aTransferDatedLaterLeavesThePractitionerWithTheOfficeItLeaves() {
        var later = new PractitionerTransferred(P, "t-1", TransferKind.BETWEEN_REGIONS, LocalDate.of(2026, 7, 1),
                Jurisdiction.NX, "银川市", null);
        fixture.given(registered(), later).andGivenCurrentTime(NOW).when(covid("e-1"), IM)
                .expectResultMessagePayload(WriteOutcome.ACCEPTED);
        fixture.given(registered(), later).andGivenCurrentTime(NOW).when(covid("e-1"), NX)
                .expectException(OutOfScopeException.class).expectNoEvents();
    }

    @Test
    void aCorrectionAfterATransferIsFoldedInTheOrderRecorded() {
        var moved = new PractitionerTransferred(P, "t-1", TransferKind.BETWEEN_REGIONS, LocalDate.of(2026, 1, 1),
                Jurisdiction.NX, "银川市", null);
        var back = new ProfileChanges(null, null, null, Jurisdiction.IM, "包头市", null, null, null, null, null, null);
        var corrected = new PractitionerProfileCorrected(P, "c-1", back,
                new ProfileChanges(null, null, null, Jurisdiction.IM, "呼和浩特市", null, null, null, null, null, null),
                "迁移登记有误");
        fixture.given(registered(), moved, corrected).andGivenCurrentTime(NOW).when(covid("e-1"), IM_BAOTOU)
                .expectResultMessagePayload(WriteOutcome.ACCEPTED);
        fixture.given(registered(), moved, corrected).andGivenCurrentTime(NOW).when(covid("e-1"), NX)
                .expectException(OutOfScopeException.class).expectNoEvents();
    }

    @Test
    void aCommandWithoutAScopeIsAnAdministratorsAndNotLimited() {
        fixture.given(registered()).andGivenCurrentTime(NOW)
                .when(new CorrectProfileCommand(P, "c-1", changesOfBirthDate(), "身份证号核对"))
                .expectResultMessagePayload(WriteOutcome.ACCEPTED);
    }

    private static ProfileChanges changesOfBirthDate() {
        return new ProfileChanges(null, null, LocalDate.of(1970, 5, 17), null, null, null, null, null, null, null, null);
    }

    private static TransferPractitionerCommand toNingxia(String id, LocalDate effective) {
        return new TransferPractitionerCommand(P, id, TransferKind.BETWEEN_REGIONS, effective, Jurisdiction.NX, "银川市",
                null);
    }
}
