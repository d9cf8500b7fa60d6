package org.celedger.domain.practitioner;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The profile of a practitioner as registered (RULES.md §2, API.md registration). Age, non-public
 * sector and grassroots posts are derived from it at evaluation time, never granted.
 *
 * <p>Name, birth date and resident ID number are personal data (API.md "Personal data"): they are stored
 * encrypted and read as null once the practitioner's personal data is erased. The birth year and month
 * are kept apart from the birth date, the minimised fact age reliefs count from after an erasure
 * (RULES.md §6.1); while the birth date is known they are always its year and month.
 *
 * @param idNumber the resident ID number ({@link ResidentIdNumber}), optional
 */
public record PractitionerProfile(
        String name,
        String idNumber,
        Gender gender,
        LocalDate birthDate,
        YearMonth birthYearMonth,
        Jurisdiction jurisdiction,
        String region,
        Sector sector,
        Boolean grassroots,
        String titleSeries,
        TitleLevel titleLevel,
        LocalDate titleObtainedOn,
        Degree degree) {

    public PractitionerProfile {
        if (birthDate != null) {
            birthYearMonth = YearMonth.from(birthDate);
        }
        idNumber = ResidentIdNumber.normalised(idNumber);
    }

    /** A profile without a resident ID number, as registered before the ledger took one. */
    public PractitionerProfile(String name, Gender gender, LocalDate birthDate, Jurisdiction jurisdiction, String region,
                               Sector sector, Boolean grassroots, String titleSeries, TitleLevel titleLevel,
                               LocalDate titleObtainedOn, Degree degree) {
        this(name, null, gender, birthDate, null, jurisdiction, region, sector, grassroots, titleSeries, titleLevel,
                titleObtainedOn, degree);
    }

    /** This profile after its personal data was erased: name, ID number and birth date gone, the birth month kept. */
    public PractitionerProfile withoutPersonalData() {
        return new PractitionerProfile(null, null, gender, null, birthYearMonth, jurisdiction, region, sector,
                grassroots, titleSeries, titleLevel, titleObtainedOn, degree);
    }

    /** This profile with the given corrections applied; fields a correction leaves null are kept. */
    public PractitionerProfile correctedBy(ProfileChanges c) {
        return new PractitionerProfile(
                c.name() != null ? c.name() : name,
                c.idNumber() != null ? c.idNumber() : idNumber,
                c.gender() != null ? c.gender() : gender,
                c.birthDate() != null ? c.birthDate() : birthDate,
                c.birthYearMonth() != null ? c.birthYearMonth() : birthYearMonth,
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
                c.idNumber() != null ? idNumber : null,
                c.gender() != null ? gender : null,
                c.birthDate() != null ? birthDate : null,
                c.birthYearMonth() != null ? birthYearMonth : null,
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
        return new PractitionerProfile(name, idNumber, gender, birthDate, birthYearMonth,
                t.toJurisdiction() != null ? t.toJurisdiction() : jurisdiction,
                t.toRegion() != null ? t.toRegion() : region,
                t.toSector() != null ? t.toSector() : sector,
                grassroots, titleSeries, titleLevel, titleObtainedOn, degree);
    }
}
