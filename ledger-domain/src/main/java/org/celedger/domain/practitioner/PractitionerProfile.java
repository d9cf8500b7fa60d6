package org.celedger.domain.practitioner;

import java.time.LocalDate;

/**
 * The profile of a practitioner as registered (RULES.md §2, API.md registration). Age, non-public
 * sector and grassroots posts are derived from it at evaluation time, never granted.
 */
public record PractitionerProfile(
        String name,
        Gender gender,
        LocalDate birthDate,
        Jurisdiction jurisdiction,
        String region,
        Sector sector,
        Boolean grassroots,
        String titleSeries,
        TitleLevel titleLevel,
        LocalDate titleObtainedOn,
        Degree degree) {

    /** This profile with the given corrections applied; fields a correction leaves null are kept. */
    public PractitionerProfile correctedBy(ProfileChanges c) {
        return new PractitionerProfile(
                c.name() != null ? c.name() : name,
                c.gender() != null ? c.gender() : gender,
                c.birthDate() != null ? c.birthDate() : birthDate,
                c.jurisdiction() != null ? c.jurisdiction() : jurisdiction,
                c.region() != null ? c.region() : region,
                c.sector() != null ? c.sector() : sector,
                c.grassroots() != null ? c.grassroots() : grassroots,
                c.titleSeries() != null ? c.titleSeries() : titleSeries,
                c.titleLevel() != null ? c.titleLevel() : titleLevel,
                c.titleObtainedOn() != null ? c.titleObtainedOn() : titleObtainedOn,
                c.degree() != null ? c.degree() : degree);
    }

    /** The values this profile holds for the fields that {@code c} changes, so a correction records what it replaced. */
    public ProfileChanges valuesChangedBy(ProfileChanges c) {
        return new ProfileChanges(
                c.name() != null ? name : null,
                c.gender() != null ? gender : null,
                c.birthDate() != null ? birthDate : null,
                c.jurisdiction() != null ? jurisdiction : null,
                c.region() != null ? region : null,
                c.sector() != null ? sector : null,
                c.grassroots() != null ? grassroots : null,
                c.titleSeries() != null ? titleSeries : null,
                c.titleLevel() != null ? titleLevel : null,
                c.titleObtainedOn() != null ? titleObtainedOn : null,
                c.degree() != null ? degree : null);
    }

    /** This profile after a transfer took effect: the destination fields it names replace the current ones. */
    public PractitionerProfile transferredBy(PractitionerTransferred t) {
        return new PractitionerProfile(name, gender, birthDate,
                t.toJurisdiction() != null ? t.toJurisdiction() : jurisdiction,
                t.toRegion() != null ? t.toRegion() : region,
                t.toSector() != null ? t.toSector() : sector,
                grassroots, titleSeries, titleLevel, titleObtainedOn, degree);
    }
}
