package org.celedger.domain.practitioner;

import java.time.LocalDate;

/** The profile fields a correction changes; a null field is left as it was. */
public record ProfileChanges(
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

    public boolean changesNothing() {
        return name == null && gender == null && birthDate == null && jurisdiction == null && region == null
                && sector == null && grassroots == null && titleSeries == null && titleLevel == null
                && titleObtainedOn == null && degree == null;
    }
}
