package org.celedger.domain.rules;

import org.celedger.domain.practitioner.ConversionRecorded;
import org.celedger.domain.practitioner.ConversionRevoked;
import org.celedger.domain.practitioner.CreditAwarded;
import org.celedger.domain.practitioner.CreditReassigned;
import org.celedger.domain.practitioner.CreditRevoked;
import org.celedger.domain.practitioner.ExemptionGranted;
import org.celedger.domain.practitioner.ExemptionRevoked;
import org.celedger.domain.practitioner.PractitionerEvent;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.practitioner.PersonalDataErased;
import org.celedger.domain.practitioner.PractitionerProfileCorrected;
import org.celedger.domain.practitioner.PractitionerRegistered;
import org.celedger.domain.practitioner.PractitionerTransferred;
import org.celedger.domain.practitioner.ProfileChanges;
import org.celedger.domain.rules.awards.AwardFact;
import org.celedger.domain.rules.conversions.ConversionFact;
import org.celedger.domain.rules.conversions.Conversions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One practitioner's facts folded in one pass, in sequence order: the profile events, the awards
 * with their revocation and latest reassignment, the conversions, exemptions and transfers, each
 * with the revocation that removed it if any. Event types the engine does not value are ignored.
 * Nothing here interprets the facts; a rule set does.
 */
public final class PractitionerFacts {

    /** An award with what later facts did to it. */
    static final class Award {
        final RecordedFact fact;
        final CreditAwarded award;
        RecordedFact revokedBy;
        RecordedFact reassignedBy;

        Award(RecordedFact fact, CreditAwarded award) {
            this.fact = fact;
            this.award = award;
        }

        CreditReassigned reassignment() {
            return reassignedBy == null ? null : (CreditReassigned) reassignedBy.event();
        }

        AwardFact asFact() {
            return new AwardFact(fact, revokedBy, reassignedBy);
        }
    }

    /** A conversion fact and its revocation, if any. */
    static final class Conversion {
        final RecordedFact fact;
        final ConversionRecorded conversion;
        RecordedFact revokedBy;

        Conversion(RecordedFact fact, ConversionRecorded conversion) {
            this.fact = fact;
            this.conversion = conversion;
        }

        ConversionFact asFact() {
            return new ConversionFact(fact, revokedBy);
        }
    }

    /** An exemption and its revocation, if any. */
    static final class Exemption {
        final RecordedFact fact;
        final ExemptionGranted exemption;
        RecordedFact revokedBy;

        Exemption(RecordedFact fact, ExemptionGranted exemption) {
            this.fact = fact;
            this.exemption = exemption;
        }
    }

    /**
     * What one event of the profile does to the profile at a date: a registration sets it, a
     * correction fixes it whatever the date, a transfer moves it once effective. Null before the
     * registration.
     */
    private interface ProfileStep {
        PractitionerProfile apply(PractitionerProfile before, LocalDate date);
    }

    /** How one kind of event is folded into the facts. */
    private interface Fold {
        void into(PractitionerFacts facts, RecordedFact fact);
    }

    /**
     * Each kind of event the rules value, and how it is folded: a registry keyed by the event's class
     * (events are records, so the class is exact). The events are domain messages that must not know
     * the rules, and Java 17 has no pattern-matching switch, so a table with one line per kind reads
     * best; any other event (e.g. {@code EligibilityCertified}) is absent and ignored.
     */
    private static final Map<Class<?>, Fold> FOLDS = folds();

    private static Map<Class<?>, Fold> folds() {
        Map<Class<?>, Fold> folds = new HashMap<>();
        folds.put(PractitionerRegistered.class, (f, fact) -> {
            PractitionerProfile registered = ((PractitionerRegistered) fact.event()).profile();
            f.profileSteps.add((before, date) -> registered);
        });
        folds.put(PractitionerProfileCorrected.class, (f, fact) -> {
            ProfileChanges changes = ((PractitionerProfileCorrected) fact.event()).changes();
            f.profileSteps.add((before, date) -> before == null ? null : before.correctedBy(changes));
        });
        folds.put(PersonalDataErased.class, (f, fact) ->
                f.profileSteps.add((before, date) -> before == null ? null : before.withoutPersonalData()));
        folds.put(PractitionerTransferred.class, (f, fact) -> {
            PractitionerTransferred t = (PractitionerTransferred) fact.event();
            f.profileSteps.add((before, date) -> before != null && t.effectiveDate() != null
                    && !t.effectiveDate().isAfter(date) ? before.transferredBy(t) : before);
            f.transfers.add(fact);
        });
        folds.put(CreditAwarded.class, (f, fact) -> {
            CreditAwarded a = (CreditAwarded) fact.event();
            Award award = new Award(fact, a);
            f.awards.add(award);
            f.awardsById.put(a.awardId(), award);
        });
        folds.put(CreditRevoked.class, (f, fact) -> {
            Award award = f.awardsById.get(((CreditRevoked) fact.event()).awardId());
            if (award != null && award.revokedBy == null) {
                award.revokedBy = fact;
            }
        });
        folds.put(CreditReassigned.class, (f, fact) -> {
            Award award = f.awardsById.get(((CreditReassigned) fact.event()).awardId());
            if (award != null) {
                award.reassignedBy = fact; // the latest reassignment holds
            }
        });
        // Every conversion fact folds alike; its kind is valued by the rule set (rules.conversions).
        for (Class<?> kind : ConversionRecorded.class.getPermittedSubclasses()) {
            folds.put(kind, (f, fact) -> {
                ConversionRecorded c = (ConversionRecorded) fact.event();
                Conversion conversion = new Conversion(fact, c);
                f.conversions.add(conversion);
                f.conversionsById.put(c.conversionId(), conversion);
            });
        }
        folds.put(ConversionRevoked.class, (f, fact) -> {
            Conversion conversion = f.conversionsById.get(((ConversionRevoked) fact.event()).conversionId());
            if (conversion != null && conversion.revokedBy == null) {
                conversion.revokedBy = fact;
            }
        });
        folds.put(ExemptionGranted.class, (f, fact) -> {
            ExemptionGranted g = (ExemptionGranted) fact.event();
            Exemption exemption = new Exemption(fact, g);
            f.exemptions.add(exemption);
            f.exemptionsById.put(g.exemptionId(), exemption);
        });
        folds.put(ExemptionRevoked.class, (f, fact) -> {
            Exemption exemption = f.exemptionsById.get(((ExemptionRevoked) fact.event()).exemptionId());
            if (exemption != null && exemption.revokedBy == null) {
                exemption.revokedBy = fact;
            }
        });
        return Map.copyOf(folds);
    }

    final String practitionerId;
    private final List<ProfileStep> profileSteps = new ArrayList<>();
    final List<Award> awards = new ArrayList<>();
    final List<Conversion> conversions = new ArrayList<>();
    final List<Exemption> exemptions = new ArrayList<>();
    final List<RecordedFact> transfers = new ArrayList<>();
    final Long upToSequence;
    private final Map<String, Award> awardsById = new HashMap<>();
    private final Map<String, Conversion> conversionsById = new HashMap<>();
    private final Map<String, Exemption> exemptionsById = new HashMap<>();

    private PractitionerFacts(List<RecordedFact> facts) {
        String id = null;
        Long last = null;
        for (RecordedFact fact : facts) {
            last = fact.sequence();
            PractitionerEvent event = fact.event();
            if (id == null) {
                id = event.practitionerId();
            }
            Fold fold = FOLDS.get(event.getClass());
            if (fold != null) {
                fold.into(this, fact);
            }
        }
        this.practitionerId = id;
        this.upToSequence = last;
    }

    /**
     * Folds a practitioner's facts once, for callers that evaluate the same facts several times
     * (a read model deriving every level's decision, a what-if under two rule sets).
     */
    public static PractitionerFacts of(List<RecordedFact> facts) {
        return new PractitionerFacts(facts);
    }

    /** The exemptions granted and not revoked ({@code ExemptionGranted} facts), in sequence order. */
    public List<RecordedFact> exemptionsInForce() {
        List<RecordedFact> inForce = new ArrayList<>(exemptions.size());
        for (Exemption x : exemptions) {
            if (x.revokedBy == null) {
                inForce.add(x.fact);
            }
        }
        return inForce;
    }

    /** The conversions recorded and not revoked ({@code ConversionRecorded} facts), in sequence order. */
    public List<RecordedFact> conversionsInForce() {
        List<RecordedFact> inForce = new ArrayList<>(conversions.size());
        for (Conversion c : conversions) {
            if (c.revokedBy == null) {
                inForce.add(c.fact);
            }
        }
        return inForce;
    }

    /** The transfers ({@code PractitionerTransferred} facts), in sequence order, whatever their date. */
    public List<RecordedFact> transfers() {
        return Collections.unmodifiableList(transfers);
    }

    /** The conversions with their revocations, as the conversion rules read them. */
    List<ConversionFact> conversionFacts() {
        List<ConversionFact> all = new ArrayList<>(conversions.size());
        for (Conversion c : conversions) {
            all.add(c.asFact());
        }
        return all;
    }

    /** The credit years any fact lands in: awards' own and make-up years, conversions' years. */
    Set<Integer> creditYears() {
        return creditYears(false);
    }

    /**
     * The credit years of every fact but those some rule sets value in no year (the title exams,
     * {@link Conversions#MAY_BELONG_TO_NO_YEAR}): the years a fact makes whatever the rule set.
     */
    Set<Integer> creditYearsOfFactsInSomeYear() {
        return creditYears(true);
    }

    private Set<Integer> creditYears(boolean skipMaybeInNoYear) {
        Set<Integer> years = new TreeSet<>();
        for (Award a : awards) {
            years.add(a.award.year());
            if (a.reassignment() != null) {
                years.add(a.reassignment().targetYear());
            }
        }
        for (Conversion c : conversions) {
            if (!skipMaybeInNoYear || !Conversions.MAY_BELONG_TO_NO_YEAR.contains(c.conversion.kind())) {
                years.add(c.conversion.date().getYear());
            }
        }
        return years;
    }

    /**
     * The profile at a date: the registration, every correction (a correction fixes a wrong value,
     * so it applies whatever the date) and the transfers effective on or before the date.
     *
     * @throws UnregisteredPractitionerException when there is no registration
     */
    PractitionerProfile profileAt(LocalDate date) {
        PractitionerProfile profile = null;
        for (ProfileStep step : profileSteps) {
            profile = step.apply(profile, date);
        }
        if (profile == null) {
            throw new UnregisteredPractitionerException();
        }
        return profile;
    }
}
