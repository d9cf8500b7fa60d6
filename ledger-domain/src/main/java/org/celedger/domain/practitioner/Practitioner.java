package org.celedger.domain.practitioner;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.celedger.domain.FactChecks.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.celedger.domain.DomainRejection;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.celedger.domain.IdConflictException;
import org.celedger.domain.OutOfScopeException;
import org.celedger.domain.StateConflictException;
import org.celedger.domain.UnknownFactException;
import org.celedger.domain.WriteOutcome;

/**
 * The practitioner: the facts of one person's continuing education, in the order they were recorded.
 *
 * <p>It decides whether a fact may be recorded (the invariants of a system of record) and never what
 * the fact is worth: rule sets value facts in projections (RULES.md, principle 1). Every write carries
 * its own id as an idempotency key, so the aggregate remembers each fact by id: the same fact again
 * is a {@link WriteOutcome#DUPLICATE} that appends nothing, another fact under a used id is refused.
 */
public class Practitioner {

    @AggregateIdentifier
    private String practitionerId;
    private PractitionerRegistered registration;
    private PractitionerProfile profile;
    private final Map<String, PractitionerProfileCorrected> corrections = new HashMap<>();
    private final Map<String, CreditAwarded> awards = new HashMap<>();
    private final Map<String, CreditRevoked> awardRevocations = new HashMap<>();
    private final Map<String, CreditReassigned> reassignments = new HashMap<>();
    private final Map<String, ConversionRecorded> conversions = new HashMap<>();
    private final Map<String, ConversionRevoked> conversionRevocations = new HashMap<>();
    private final Map<String, ExemptionGranted> exemptions = new HashMap<>();
    private final Map<String, ExemptionRevoked> exemptionRevocations = new HashMap<>();
    private final Map<String, PractitionerTransferred> transfers = new HashMap<>();
    private final Map<String, EligibilityCertified> certifications = new HashMap<>();
    /**
     * Corrections and transfers in the order recorded, folded over the registered profile as PractitionerFacts
     * folds them (a transfer from its effective date), for the profile a registrar's scope is judged on.
     */
    private final List<PractitionerEvent> profileSteps = new ArrayList<>();
    /** The erasure of this practitioner's personal data, once recorded. */
    private PersonalDataErased erasure;

    protected Practitioner() {
        // for Axon: rebuilt from events
    }

    // ---------------------------------------------------------------- registration and profile

    /** Creates the practitioner, or finds the same registration already recorded (a retry). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public WriteOutcome handle(RegisterPractitionerCommand command,
                               @MetaDataValue(RegistrarScope.METADATA) RegistrarScope scope) {
        id("id", command.practitionerId());
        // An id is seen in every URL, log and store: a new one must not be a resident ID number
        // (API.md "Personal data"). Practitioners registered under one before keep it until
        // `ops rekey-practitioners` moves them.
        that(registration != null || !ResidentIdNumber.isValid(ResidentIdNumber.normalised(command.practitionerId())),
                "id", "a practitioner id must carry no personal data, and this one is a resident ID number;"
                        + " choose another id and give the number as profile.idNumber");
        PractitionerProfile candidate = present("profile", command.profile());
        checkProfile("", candidate);
        if (scope != null && !scope.covers(candidate)) {
            throw new OutOfScopeException("jurisdiction", "this key registers practitioners of " + scope
                    + " only; the profile names " + candidate.jurisdiction() + " " + candidate.region());
        }
        return recordOnce(registration, new PractitionerRegistered(command.practitionerId(), candidate),
                () -> new IdConflictException("id", "practitioner " + command.practitionerId()
                        + " is already registered with another profile; correct it with a profile correction"));
    }

    @CommandHandler
    public WriteOutcome handle(CorrectProfileCommand command,
                               @MetaDataValue(RegistrarScope.METADATA) RegistrarScope scope) {
        inScope(scope);
        id("correctionId", command.correctionId());
        ProfileChanges changes = present("changes", command.changes());
        that(!changes.changesNothing(), "changes", "changes must name at least one profile field");
        that(changes.birthDate() != null || changes.birthYearMonth() == null, "changes.birthYearMonth",
                "birthYearMonth follows birthDate: correct birthDate instead");
        String reason = reason("reason", command.reason());
        PractitionerProfileCorrected earlier = corrections.get(command.correctionId());
        if (earlier != null) {
            // A retry is compared on what it asks, not on the values it replaced: those changed when it was first applied.
            if (earlier.changes().equals(changes) && earlier.reason().equals(reason)) {
                return WriteOutcome.DUPLICATE;
            }
            throw idUsed("correctionId", command.correctionId()).get();
        }
        if (erasure != null) {
            if (changes.changePersonalData()) {
                throw new StateConflictException("changes", "practitioner " + practitionerId
                        + "'s personal data was erased (" + erasure.erasureId() + "); it is not recorded again");
            }
        } else {
            checkProfile("changes.", profile.correctedBy(changes));
        }
        apply(new PractitionerProfileCorrected(practitionerId, command.correctionId(), changes,
                profile.valuesChangedBy(changes), reason));
        return WriteOutcome.ACCEPTED;
    }

    private static void checkProfile(String prefix, PractitionerProfile p) {
        text(prefix + "name", p.name());
        Gender gender = present(prefix + "gender", p.gender());
        LocalDate birthDate = present(prefix + "birthDate", p.birthDate());
        that(!birthDate.isBefore(EARLIEST_BIRTH_DATE) && !birthDate.isAfter(today()), prefix + "birthDate",
                "birthDate " + birthDate + " is not a plausible birth date");
        if (p.idNumber() != null) {
            // Never quoted in a message: the number is sensitive personal information.
            String number = p.idNumber();
            that(ResidentIdNumber.isValid(number), prefix + "idNumber",
                    "idNumber is not a resident ID number of GB 11643-1999 (18 characters, the last a check character"
                            + " of the first 17; x is written X)");
            that(birthDate.equals(ResidentIdNumber.birthDate(number)), prefix + "idNumber",
                    "idNumber holds another birth date than birthDate");
            that(gender == ResidentIdNumber.gender(number), prefix + "idNumber",
                    "idNumber's sequence digit is of the other gender than gender");
        }
        present(prefix + "jurisdiction", p.jurisdiction());
        text(prefix + "region", p.region());
        present(prefix + "sector", p.sector());
        present(prefix + "grassroots", p.grassroots());
        present(prefix + "degree", p.degree());
        TitleLevel level = present(prefix + "titleLevel", p.titleLevel());
        optionalText(prefix + "titleSeries", p.titleSeries());
        if (level == TitleLevel.NONE) {
            that(p.titleObtainedOn() == null, prefix + "titleObtainedOn",
                    "titleObtainedOn does not apply when titleLevel is NONE");
        } else {
            present(prefix + "titleSeries", p.titleSeries());
            LocalDate obtained = pastDate(prefix + "titleObtainedOn", p.titleObtainedOn());
            that(obtained.isAfter(birthDate), prefix + "titleObtainedOn", "titleObtainedOn is before birthDate");
        }
    }

    /**
     * A registrar acts on the practitioners of its scope: judged on the profile as it stands today, after every
     * correction and every transfer already in effect (a transfer dated later still leaves the practitioner with
     * the office it leaves). Checked before anything else, so a key outside the scope learns nothing more.
     */
    private void inScope(RegistrarScope scope) {
        if (scope == null) {
            return;
        }
        PractitionerProfile current = currentProfile(today());
        if (!scope.covers(current)) {
            throw new OutOfScopeException("practitionerId", "this key acts on practitioners of " + scope
                    + " only; practitioner " + practitionerId + " is of " + current.jurisdiction() + " "
                    + current.region());
        }
    }

    /** The profile on {@code date}: as registered and corrected, moved by the transfers in effect by then. */
    PractitionerProfile currentProfile(LocalDate date) {
        PractitionerProfile current = registration.profile();
        for (PractitionerEvent step : profileSteps) {
            if (step instanceof PractitionerProfileCorrected c) {
                current = current.correctedBy(c.changes());
            } else if (step instanceof PractitionerTransferred t && !t.effectiveDate().isAfter(date)) {
                current = current.transferredBy(t);
            }
        }
        return current;
    }

    // ---------------------------------------------------------------- personal data

    /**
     * Records the erasure of this practitioner's personal data. The key that encrypts it is destroyed in the
     * same transaction (ledger-app, PersonalDataKeys), so the fact and the shredding stand or fall together.
     */
    @CommandHandler
    public WriteOutcome handle(ErasePersonalDataCommand command) {
        id("erasureId", command.erasureId());
        if (ResidentIdNumber.isValid(ResidentIdNumber.normalised(practitionerId))) {
            // Its data is not sealed while its id is its number (API.md "Personal data"): no key to destroy yet.
            throw new StateConflictException("practitionerId", "this practitioner's id is a resident ID number, so"
                    + " their data is not sealed yet: re-key the store first (ops rekey-practitioners), then erase");
        }
        var event = new PersonalDataErased(practitionerId, command.erasureId(), reason("reason", command.reason()),
                text("legalBasis", command.legalBasis()));
        if (erasure != null && !erasure.erasureId().equals(command.erasureId())) {
            throw new StateConflictException("erasureId", "practitioner " + practitionerId
                    + "'s personal data was already erased (" + erasure.erasureId() + ")");
        }
        return recordOnce(erasure, event, idUsed("erasureId", command.erasureId()));
    }

    // ---------------------------------------------------------------- credits

    @CommandHandler
    public WriteOutcome handle(AwardCreditCommand command) {
        awardId("awardId", command.awardId());
        int year = year("year", command.year());
        BigDecimal hours = null;
        Integer minutes = command.minutes();
        if (command.hours() != null) {
            that(minutes == null, "minutes", "give hours or minutes, not both");
            hours = oneDecimal("hours", command.hours(), MAX_HOURS);
        } else {
            that(minutes != null, "hours", "hours or minutes is required");
            that(minutes > 0 && minutes <= MAX_MINUTES, "minutes",
                    "minutes must be between 1 and " + MAX_MINUTES + ", not " + minutes);
        }
        var event = new CreditAwarded(practitionerId, command.awardId(), year,
                present("category", command.category()), present("activity", command.activity()),
                hours, minutes,
                command.baseId() == null ? null : id("baseId", command.baseId()),
                command.sessionId() == null ? null : id("sessionId", command.sessionId()),
                text("approvedBy", command.approvedBy()),
                optionalText("certificateNo", command.certificateNo()),
                pastDate("completedOn", command.completedOn()));
        return recordOnce(awards.get(command.awardId()), event, idUsed("awardId", command.awardId()));
    }

    @CommandHandler
    public WriteOutcome handle(RevokeCreditCommand command) {
        CreditAwarded award = knownAward(command.awardId());
        String reason = reason("reason", command.reason());
        RevocationCause cause = command.cause() == null ? RevocationCause.CORRECTION : command.cause();
        if (cause == RevocationCause.FAILED_INSPECTION) {
            id("causeReference", command.causeReference());
        }
        var event = new CreditRevoked(practitionerId, award.awardId(), reason, cause, command.causeReference());
        CreditRevoked earlier = awardRevocations.get(award.awardId());
        return recordOnce(earlier, event, () -> new StateConflictException("awardId", "award " + award.awardId()
                + " was already revoked (" + earlier.cause() + ": " + earlier.reason() + ")"));
    }

    @CommandHandler
    public WriteOutcome handle(ReassignCreditCommand command) {
        CreditAwarded award = knownAward(command.awardId());
        int target = year("targetYear", command.targetYear());
        that(target < award.year(), "targetYear", "make-up study counts in an earlier year: targetYear "
                + target + " is not before the award's year " + award.year());
        String reason = reason("reason", command.reason());
        var event = new CreditReassigned(practitionerId, award.awardId(), award.year(), target, reason);
        CreditReassigned earlier = reassignments.get(award.awardId());
        if (earlier == null && awardRevocations.containsKey(award.awardId())) {
            throw new StateConflictException("awardId", "award " + award.awardId() + " is revoked");
        }
        return recordOnce(earlier, event, () -> new StateConflictException("awardId", "award " + award.awardId()
                + " was already reassigned to " + earlier.targetYear()));
    }

    private CreditAwarded knownAward(String awardId) {
        present("awardId", awardId);
        CreditAwarded award = awards.get(awardId);
        if (award == null) {
            throw new UnknownFactException("awardId", "practitioner " + practitionerId + " has no award " + awardId);
        }
        return award;
    }

    // ---------------------------------------------------------------- conversions

    @CommandHandler
    public WriteOutcome handle(RecordConversionCommand command) {
        ConversionRecorded event = ConversionFacts.from(practitionerId, command);
        return recordOnce(conversions.get(event.conversionId()), event, idUsed("conversionId", event.conversionId()));
    }

    @CommandHandler
    public WriteOutcome handle(RevokeConversionCommand command) {
        present("conversionId", command.conversionId());
        if (!conversions.containsKey(command.conversionId())) {
            throw new UnknownFactException("conversionId",
                    "practitioner " + practitionerId + " has no conversion " + command.conversionId());
        }
        var event = new ConversionRevoked(practitionerId, command.conversionId(), reason("reason", command.reason()));
        ConversionRevoked earlier = conversionRevocations.get(command.conversionId());
        return recordOnce(earlier, event, () -> new StateConflictException("conversionId",
                "conversion " + command.conversionId() + " was already revoked: " + earlier.reason()));
    }

    // ---------------------------------------------------------------- exemptions

    @CommandHandler
    public WriteOutcome handle(GrantExemptionCommand command,
                               @MetaDataValue(RegistrarScope.METADATA) RegistrarScope scope) {
        inScope(scope);
        id("exemptionId", command.exemptionId());
        ExemptionKind kind = present("kind", command.kind());
        List<Integer> years = command.years() == null ? List.of() : List.copyOf(command.years());
        if (kind == ExemptionKind.COVID_FRONTLINE) {
            that(!years.isEmpty(), "years", "years is required for a COVID_FRONTLINE exemption");
        }
        for (Integer y : years) {
            year("years", y);
        }
        that(new HashSet<>(years).size() == years.size(), "years", "years lists a year twice");
        var event = new ExemptionGranted(practitionerId, command.exemptionId(), kind,
                years.stream().sorted().toList(), text("evidence", command.evidence()),
                text("grantedBy", command.grantedBy()));
        return recordOnce(exemptions.get(command.exemptionId()), event, idUsed("exemptionId", command.exemptionId()));
    }

    @CommandHandler
    public WriteOutcome handle(RevokeExemptionCommand command,
                               @MetaDataValue(RegistrarScope.METADATA) RegistrarScope scope) {
        inScope(scope);
        present("exemptionId", command.exemptionId());
        if (!exemptions.containsKey(command.exemptionId())) {
            throw new UnknownFactException("exemptionId",
                    "practitioner " + practitionerId + " has no exemption " + command.exemptionId());
        }
        var event = new ExemptionRevoked(practitionerId, command.exemptionId(), reason("reason", command.reason()));
        ExemptionRevoked earlier = exemptionRevocations.get(command.exemptionId());
        return recordOnce(earlier, event, () -> new StateConflictException("exemptionId",
                "exemption " + command.exemptionId() + " was already revoked: " + earlier.reason()));
    }

    // ---------------------------------------------------------------- transfers

    @CommandHandler
    public WriteOutcome handle(TransferPractitionerCommand command,
                               @MetaDataValue(RegistrarScope.METADATA) RegistrarScope scope) {
        inScope(scope);
        id("transferId", command.transferId());
        TransferKind kind = present("kind", command.kind());
        LocalDate effective = present("effectiveDate", command.effectiveDate());
        that(!effective.isBefore(LocalDate.of(EARLIEST_YEAR, 1, 1)) && effective.getYear() <= today().getYear() + 1,
                "effectiveDate", "effectiveDate " + effective + " is out of range");
        if (command.toRegion() != null) {
            text("toRegion", command.toRegion());
        }
        if (kind == TransferKind.BETWEEN_REGIONS) {
            that(command.toJurisdiction() != null || command.toRegion() != null, "toRegion",
                    "a BETWEEN_REGIONS transfer names toRegion or toJurisdiction");
        }
        var event = new PractitionerTransferred(practitionerId, command.transferId(), kind, effective,
                command.toJurisdiction(), command.toRegion(), command.toSector());
        return recordOnce(transfers.get(command.transferId()), event, idUsed("transferId", command.transferId()));
    }

    // ---------------------------------------------------------------- certified decisions

    @CommandHandler
    public WriteOutcome handle(CertifyEligibilityCommand command) {
        id("certificationId", command.certificationId());
        long upTo = present("upToSequence", command.upToSequence());
        // The aggregate's version is the sequence of its last event: a certification may only cite a recorded one.
        Long lastSequence = AggregateLifecycle.getVersion();
        that(upTo >= 0 && lastSequence != null && upTo <= lastSequence, "upToSequence",
                "upToSequence " + upTo + " is not a sequence of this practitioner's facts");
        var event = new EligibilityCertified(practitionerId, command.certificationId(),
                text("purpose", command.purpose()), text("level", command.level()), year("year", command.year()),
                present("asOf", command.asOf()), command.exceptional(), text("ruleSetId", command.ruleSetId()),
                text("ruleSetVersion", command.ruleSetVersion()), upTo, text("outcome", command.outcome()),
                command.eligible());
        EligibilityCertified earlier = certifications.get(command.certificationId());
        if (earlier != null) {
            // A retry asks for the same decision; facts recorded since may have moved upToSequence or the
            // outcome, so it is compared on what was asked, and answers with what was certified the first time.
            boolean sameRequest = earlier.purpose().equals(event.purpose()) && earlier.level().equals(event.level())
                    && earlier.year() == event.year() && earlier.asOf().equals(event.asOf())
                    && earlier.exceptional() == event.exceptional() && earlier.ruleSetId().equals(event.ruleSetId());
            if (sameRequest) {
                return WriteOutcome.DUPLICATE;
            }
            throw idUsed("certificationId", command.certificationId()).get();
        }
        apply(event);
        return WriteOutcome.ACCEPTED;
    }

    // ---------------------------------------------------------------- idempotency

    /**
     * Appends {@code event} unless a fact was already recorded under its id: the same fact again is a
     * retry and appends nothing; another fact under that id is refused with {@code conflict}.
     */
    private static <E> WriteOutcome recordOnce(E earlier, E event, Supplier<? extends DomainRejection> conflict) {
        if (earlier == null) {
            apply(event);
            return WriteOutcome.ACCEPTED;
        }
        if (earlier.equals(event)) {
            return WriteOutcome.DUPLICATE;
        }
        throw conflict.get();
    }

    private static Supplier<IdConflictException> idUsed(String field, String id) {
        return () -> new IdConflictException(field, field + " " + id + " was already used for a different fact");
    }

    // ---------------------------------------------------------------- state, only from events

    @EventSourcingHandler
    void on(EligibilityCertified event) {
        certifications.put(event.certificationId(), event);
    }

    @EventSourcingHandler
    void on(PractitionerRegistered event) {
        practitionerId = event.practitionerId();
        registration = event;
        profile = event.profile();
    }

    @EventSourcingHandler
    void on(PractitionerProfileCorrected event) {
        corrections.put(event.correctionId(), event);
        profile = profile.correctedBy(event.changes());
        profileSteps.add(event);
    }

    /** From the erasure on, this state holds what a replay holds: the facts without their personal data. */
    @EventSourcingHandler
    void on(PersonalDataErased event) {
        erasure = event;
        registration = new PractitionerRegistered(practitionerId, registration.profile().withoutPersonalData());
        profile = profile.withoutPersonalData();
        corrections.replaceAll((id, c) -> c.withoutPersonalData());
        profileSteps.replaceAll(step -> step instanceof PractitionerProfileCorrected c ? c.withoutPersonalData() : step);
    }

    @EventSourcingHandler
    void on(CreditAwarded event) {
        awards.put(event.awardId(), event);
    }

    @EventSourcingHandler
    void on(CreditRevoked event) {
        awardRevocations.put(event.awardId(), event);
    }

    @EventSourcingHandler
    void on(CreditReassigned event) {
        reassignments.put(event.awardId(), event);
    }

    @EventSourcingHandler
    void on(ConversionRecorded event) {
        conversions.put(event.conversionId(), event);
    }

    @EventSourcingHandler
    void on(ConversionRevoked event) {
        conversionRevocations.put(event.conversionId(), event);
    }

    @EventSourcingHandler
    void on(ExemptionGranted event) {
        exemptions.put(event.exemptionId(), event);
    }

    @EventSourcingHandler
    void on(ExemptionRevoked event) {
        exemptionRevocations.put(event.exemptionId(), event);
    }

    @EventSourcingHandler
    void on(PractitionerTransferred event) {
        transfers.put(event.transferId(), event);
        profileSteps.add(event);
    }
}
