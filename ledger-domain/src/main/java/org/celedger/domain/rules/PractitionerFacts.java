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
import org.celedger.domain.practitioner.PractitionerProfileCorrected;
import org.celedger.domain.practitioner.PractitionerRegistered;
import org.celedger.domain.practitioner.PractitionerTransferred;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    final String practitionerId;
    final List<PractitionerEvent> profileEvents = new ArrayList<>();
    final List<Award> awards = new ArrayList<>();
    final List<Conversion> conversions = new ArrayList<>();
    final List<Exemption> exemptions = new ArrayList<>();
    final List<RecordedFact> transfers = new ArrayList<>();
    final Long upToSequence;

    private PractitionerFacts(List<RecordedFact> facts) {
        Map<String, Award> awardsById = new HashMap<>();
        Map<String, Conversion> conversionsById = new HashMap<>();
        Map<String, Exemption> exemptionsById = new HashMap<>();
        String id = null;
        Long last = null;
        for (RecordedFact fact : facts) {
            last = fact.sequence();
            PractitionerEvent event = fact.event();
            if (id == null) {
                id = event.practitionerId();
            }
            if (event instanceof PractitionerRegistered || event instanceof PractitionerProfileCorrected) {
                profileEvents.add(event);
            } else if (event instanceof PractitionerTransferred) {
                profileEvents.add(event);
                transfers.add(fact);
            } else if (event instanceof CreditAwarded a) {
                Award award = new Award(fact, a);
                awards.add(award);
                awardsById.put(a.awardId(), award);
            } else if (event instanceof CreditRevoked r) {
                Award award = awardsById.get(r.awardId());
                if (award != null && award.revokedBy == null) {
                    award.revokedBy = fact;
                }
            } else if (event instanceof CreditReassigned r) {
                Award award = awardsById.get(r.awardId());
                if (award != null) {
                    award.reassignedBy = fact; // the latest reassignment holds
                }
            } else if (event instanceof ConversionRecorded c) {
                Conversion conversion = new Conversion(fact, c);
                conversions.add(conversion);
                conversionsById.put(c.conversionId(), conversion);
            } else if (event instanceof ConversionRevoked r) {
                Conversion conversion = conversionsById.get(r.conversionId());
                if (conversion != null && conversion.revokedBy == null) {
                    conversion.revokedBy = fact;
                }
            } else if (event instanceof ExemptionGranted g) {
                Exemption exemption = new Exemption(fact, g);
                exemptions.add(exemption);
                exemptionsById.put(g.exemptionId(), exemption);
            } else if (event instanceof ExemptionRevoked r) {
                Exemption exemption = exemptionsById.get(r.exemptionId());
                if (exemption != null && exemption.revokedBy == null) {
                    exemption.revokedBy = fact;
                }
            }
            // Any other event (e.g. EligibilityCertified) is not a fact the rules value.
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

    /**
     * The profile at a date: the registration, every correction (a correction fixes a wrong value,
     * so it applies whatever the date) and the transfers effective on or before the date.
     *
     * @throws UnregisteredPractitionerException when there is no registration
     */
    PractitionerProfile profileAt(LocalDate date) {
        PractitionerProfile profile = null;
        for (PractitionerEvent event : profileEvents) {
            if (event instanceof PractitionerRegistered r) {
                profile = r.profile();
            } else if (profile == null) {
                continue;
            } else if (event instanceof PractitionerProfileCorrected c) {
                profile = profile.correctedBy(c.changes());
            } else if (event instanceof PractitionerTransferred t
                    && t.effectiveDate() != null && !t.effectiveDate().isAfter(date)) {
                profile = profile.transferredBy(t);
            }
        }
        if (profile == null) {
            throw new UnregisteredPractitionerException();
        }
        return profile;
    }
}
