package org.celedger.domain.rules.reliefs;

import static org.celedger.domain.rules.ParamType.POSITIVE_INT;

import org.celedger.domain.practitioner.Gender;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;

/** The ages from which an age relief applies, men's and women's ({@code menAge}, {@code womenAge}; I-9: at the as-of date). */
final class AgeThreshold {

    private final Cited<Integer> menAge;
    private final Cited<Integer> womenAge;

    AgeThreshold(RuleSetNode relief) {
        this.menAge = relief.param("menAge", POSITIVE_INT);
        this.womenAge = relief.param("womenAge", POSITIVE_INT);
    }

    Cited<Integer> menAge() {
        return menAge;
    }

    Cited<Integer> womenAge() {
        return womenAge;
    }

    boolean reachedBy(ReliefContext c) {
        PractitionerProfile profile = c.profile();
        if (c.age() < 0 || profile.gender() == null) {
            return false;
        }
        return c.age() >= forGender(profile.gender()).value();
    }

    /** The trace's account of the age and the threshold it reaches. */
    String detail(ReliefContext c) {
        PractitionerProfile profile = c.profile();
        Cited<Integer> threshold = forGender(profile.gender());
        String born = profile.birthDate() != null ? profile.birthDate().toString()
                : profile.birthYearMonth() + " (the day erased: counted from the month's last day, RULES.md §6.1)";
        return profile.gender() + " born " + born + ", aged " + c.age() + " at the as-of date (≥ " + threshold.value()
                + ", " + threshold.cite() + ")";
    }

    /** The age for a gender: men's for MALE, women's otherwise (as both readings did before; no third threshold exists). */
    private Cited<Integer> forGender(Gender gender) {
        return gender == Gender.MALE ? menAge : womenAge;
    }
}
