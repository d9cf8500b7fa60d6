package org.celedger.domain.rules.reliefs;

import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.rules.EligibilityQuery;
import org.celedger.domain.rules.PractitionerFacts;

import java.time.LocalDate;
import java.time.Period;

/**
 * What a relief's condition is judged on, for one evaluation: the practitioner's facts, the profile
 * at the as-of date (age, sector and grassroots are derived from it, never granted), the query, and
 * the window of the evaluation year before any relief cut it.
 */
public final class ReliefContext {

    private final PractitionerFacts facts;
    private final PractitionerProfile profile;
    private final EligibilityQuery query;
    private final LocalDate asOf;
    private final int[] baseWindow;
    private final int age;

    public ReliefContext(PractitionerFacts facts, PractitionerProfile profile, EligibilityQuery query, LocalDate asOf,
                         int[] baseWindow) {
        this.facts = facts;
        this.profile = profile;
        this.query = query;
        this.asOf = asOf;
        this.baseWindow = baseWindow;
        // I-9: the age at the as-of date; a birthday on that date counts. After an erasure only the birth month is
        // known (RULES.md §6.1): the birthday is then taken as its last day, so no relief comes before it is due.
        LocalDate birthday = profile.birthDate() != null ? profile.birthDate()
                : profile.birthYearMonth() != null ? profile.birthYearMonth().atEndOfMonth() : null;
        this.age = birthday == null ? -1 : Period.between(birthday, asOf).getYears();
    }

    PractitionerFacts facts() {
        return facts;
    }

    PractitionerProfile profile() {
        return profile;
    }

    EligibilityQuery query() {
        return query;
    }

    /** The evaluation year E. */
    int year() {
        return query.year();
    }

    LocalDate asOf() {
        return asOf;
    }

    /** The window before any relief cut it; a relief must not change it. */
    int[] baseWindow() {
        return baseWindow;
    }

    /** Whole years of age at the as-of date, or -1 when the profile has no birth date. */
    int age() {
        return age;
    }
}
