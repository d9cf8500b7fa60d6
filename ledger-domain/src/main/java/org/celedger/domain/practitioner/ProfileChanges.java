package org.celedger.domain.practitioner;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The profile fields a correction changes; a null field is left as it was. A changed birth date brings its
 * year and month ({@link PractitionerProfile#birthYearMonth()}), which outlive an erasure.
 */
public record ProfileChanges(
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

    public ProfileChanges {
        if (birthDate != null) {
            birthYearMonth = YearMonth.from(birthDate);
        }
        idNumber = ResidentIdNumber.normalised(idNumber);
    }

    /** Changes that name no resident ID number, as corrections were before the ledger took one. */
    public ProfileChanges(String name, Gender gender, LocalDate birthDate, Jurisdiction jurisdiction, String region,
                          Sector sector, Boolean grassroots, String titleSeries, TitleLevel titleLevel,
                          LocalDate titleObtainedOn, Degree degree) {
        this(name, null, gender, birthDate, null, jurisdiction, region, sector, grassroots, titleSeries, titleLevel,
                titleObtainedOn, degree);
    }

    /** These changes after the practitioner's personal data was erased: the birth month of a changed birth date kept. */
    public ProfileChanges withoutPersonalData() {
        return new ProfileChanges(null, null, gender, null, birthYearMonth, jurisdiction, region, sector, grassroots,
                titleSeries, titleLevel, titleObtainedOn, degree);
    }

    /** True if these changes name a name, an ID number or a birth date. */
    public boolean changePersonalData() {
        return name != null || idNumber != null || birthDate != null;
    }

    public boolean changesNothing() {
        return name == null && idNumber == null && gender == null && birthDate == null && jurisdiction == null && region == null
                && sector == null && grassroots == null && titleSeries == null && titleLevel == null
                && titleObtainedOn == null && degree == null;
    }
}
