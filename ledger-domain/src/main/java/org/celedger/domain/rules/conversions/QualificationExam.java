package org.celedger.domain.rules.conversions;

import static org.celedger.domain.rules.ParamType.BOOL;
import static org.celedger.domain.rules.ParamType.HOURS;
import static org.celedger.domain.rules.ParamType.enumOf;
import static org.celedger.domain.rules.ParamType.enumSet;
import static org.celedger.domain.rules.ParamType.nullable;

import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.ConversionKind;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.practitioner.QualificationExamPassed;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.Minimums;
import org.celedger.domain.rules.model.QualificationExamEffect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * A professional qualification exam passed (RULES.md §4.2): 30 PROFESSIONAL hours in the result year
 * (IM-2017 三(三): ADD_HOURS); the PROFESSIONAL minimum of the year of the certificate deemed met
 * (IM-2022 三(六), IM-2025 一(四)5: DEEM_YEAR_MINIMUM), for exams in the region; or, passed after
 * obtaining a current INTERMEDIATE or ASSOCIATE_SENIOR title, the professional part of the window deemed
 * met (NX-2022 一(三)3: DEEM_WINDOW_PART). Keys {@code conversions.qualificationExam.effect},
 * {@code category}, {@code hours}, {@code requiresInRegion}, {@code requiresTitleLevels}.
 */
public final class QualificationExam extends ValuedConversion<QualificationExamEffect> {

    static final String EVENT_TYPE = "QualificationExamPassed";

    private final Cited<BigDecimal> hours;
    private final Cited<Boolean> requiresInRegion;
    private final Cited<Set<TitleLevel>> requiresTitleLevels;

    QualificationExam(RuleSetNode q) {
        super(q, "effect", enumOf(QualificationExamEffect.class), ConversionKind.QUALIFICATION_EXAM_PASSED, EVENT_TYPE);
        hours = q.param("hours", nullable(HOURS));
        requiresInRegion = q.param("requiresInRegion", BOOL);
        requiresTitleLevels = q.param("requiresTitleLevels", enumSet(TitleLevel.class));
        q.end();
        if (effect().value() == QualificationExamEffect.ADD_HOURS && hours.value() == null) {
            throw q.fail("hours", "ADD_HOURS needs a number of hours");
        }
    }

    public Cited<QualificationExamEffect> effect() {
        return valuing();
    }

    public Cited<BigDecimal> hours() {
        return hours;
    }

    public Cited<Boolean> requiresInRegion() {
        return requiresInRegion;
    }

    public Cited<Set<TitleLevel>> requiresTitleLevels() {
        return requiresTitleLevels;
    }

    /** Values an exam in force, dated by the as-of date, into the year of its result. */
    @Override
    public void valueInYear(RecordedFact fact, CreditYear year, String ruleSetId, Minimums minimums) {
        QualificationExamPassed exam = (QualificationExamPassed) fact.event();
        Category category = category().value();
        Cited<QualificationExamEffect> effect = effect();
        switch (effect.value()) {
            case NONE -> year.add(notValued(fact, ruleSetId));
            case DEEM_WINDOW_PART -> year.add(nothing(fact, effect.cite(),
                    "deems the professional part of a window met; no yearly hours"));
            case ADD_HOURS, DEEM_YEAR_MINIMUM -> {
                if (requiresInRegion.value() && !exam.inRegion()) {
                    year.add(nothing(fact, requiresInRegion.cite(), "passed outside the region"));
                } else if (effect.value() == QualificationExamEffect.ADD_HOURS) {
                    year.add(counting(fact, hours.value(), null));
                } else if (year.deemed(category)) {
                    year.add(nothing(fact, effect.cite(), "the year is already deemed met by another exam"));
                } else {
                    BigDecimal minimum = category == Category.PUBLIC
                            ? minimums.publicHours().value()
                            : minimums.professionalHours().value();
                    year.deem(category, fact, EVENT_TYPE, exam.conversionId(), minimum, effect.cite());
                }
            }
        }
    }

    /** Whether an exam deems the professional part of a whole window met (NX-2022 一(三)3). */
    public boolean deemsWindowPart() {
        return effect().value() == QualificationExamEffect.DEEM_WINDOW_PART;
    }

    /**
     * Why an exam in force does not deem the window's professional part met, or null when it does:
     * passed after the as-of date, outside the region where that matters, under a current title the
     * rule does not name, or before the current title was obtained.
     */
    public String notDeemingWindow(QualificationExamPassed exam, LocalDate asOf, PractitionerProfile profile) {
        LocalDate obtained = profile.titleObtainedOn();
        if (asOf != null && exam.date().isAfter(asOf)) {
            return "passed after the as-of date " + asOf;
        } else if (requiresInRegion.value() && !exam.inRegion()) {
            return "passed outside the region";
        } else if (!requiresTitleLevels.value().isEmpty() && !requiresTitleLevels.value().contains(profile.titleLevel())) {
            return "the current title " + profile.titleLevel() + " is not one of " + requiresTitleLevels.value();
        } else if (!requiresTitleLevels.value().isEmpty() && (obtained == null || exam.date().isBefore(obtained))) {
            return "passed before the current title was obtained (" + obtained + ")";
        }
        return null;
    }
}
