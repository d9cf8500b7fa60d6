package org.celedger.domain.rules.conversions;

import static org.celedger.domain.rules.ParamType.BOOL;
import static org.celedger.domain.rules.ParamType.HOURS;
import static org.celedger.domain.rules.ParamType.INT;
import static org.celedger.domain.rules.ParamType.enumOf;
import static org.celedger.domain.rules.ParamType.nullable;

import org.celedger.domain.practitioner.ConversionKind;
import org.celedger.domain.practitioner.ConversionRecorded;
import org.celedger.domain.rules.Contribution;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.ExamCreditEffect;
import org.celedger.domain.rules.model.Minimums;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.ToIntFunction;

/**
 * An exam for titles passed (RULES.md §4.2): the foreign-language exam (职称外语) or the computer exam
 * (职称计算机, passed in modules). 30 PROFESSIONAL hours in the result year (IM-2017 三(三):
 * YEAR_OF_RESULT); not valued in IM-2022 and IM-2025; in NX, 40 PUBLIC hours for a language exam and
 * 10 per computer module, once in the window whatever the exam's date, for evaluation years up to 2022
 * (NX-2022 一(三)2 "凡以往参加过", "此项政策截止 2022 年年底": ONCE_PER_WINDOW). Keys
 * {@code conversions.titleLanguageExam} and {@code conversions.computerExam}: {@code effect},
 * {@code category}, {@code hours}, {@code perModule} (computer exam only), {@code lastEvaluationYear}.
 */
public final class TitleExam extends ValuedConversion<ExamCreditEffect> {

    /** A window credit, and whether it counted (a language exam counts once per window). */
    record WindowCredit(Contribution item, boolean counted) {
    }

    private final ToIntFunction<ConversionRecorded> modules;
    private final Cited<BigDecimal> hours;
    private final Cited<Boolean> perModule;
    private final Cited<Integer> lastEvaluationYear;

    /**
     * @param modules the modules a fact of this kind was passed in, or null for an exam not passed in
     *                modules (a language exam has no perModule key)
     */
    TitleExam(RuleSetNode e, ConversionKind kind, String eventType, ToIntFunction<ConversionRecorded> modules) {
        super(e, "effect", enumOf(ExamCreditEffect.class), kind, eventType);
        this.modules = modules == null ? exam -> 1 : modules;
        hours = e.param("hours", HOURS);
        perModule = modules != null ? e.param("perModule", BOOL) : new Cited<>(false, "n/a", null);
        lastEvaluationYear = e.param("lastEvaluationYear", nullable(INT));
        e.end();
    }

    public Cited<ExamCreditEffect> effect() {
        return valuing();
    }

    public Cited<BigDecimal> hours() {
        return hours;
    }

    public Cited<Boolean> perModule() {
        return perModule;
    }

    public Cited<Integer> lastEvaluationYear() {
        return lastEvaluationYear;
    }

    /** Whether the exam credits a window whole and belongs to no credit year (NX-2022 一(三)2). */
    public boolean oncePerWindow() {
        return effect().value() == ExamCreditEffect.ONCE_PER_WINDOW;
    }

    @Override
    public boolean inNoYear() {
        return oncePerWindow();
    }

    /** Values an exam in force, dated by the as-of date, into the year of its result. */
    @Override
    public void valueInYear(RecordedFact fact, CreditYear year, String ruleSetId, Minimums yearlyMinimums) {
        int modules = this.modules.applyAsInt((ConversionRecorded) fact.event());
        if (effect().value() == ExamCreditEffect.NONE) {
            year.add(notValued(fact, ruleSetId));
            return;
        }
        year.add(counting(fact, hours(modules), null));
    }

    /**
     * The credit an exam gives a window of evaluation year {@code evaluationYear}: nothing when revoked,
     * passed after the as-of date, for a later evaluation year than the rule's last, or a second
     * language exam ({@code languageCounted}).
     */
    WindowCredit windowCredit(RecordedFact fact, RecordedFact revokedBy, LocalDate asOf,
                              int evaluationYear, boolean languageCounted) {
        ConversionRecorded exam = (ConversionRecorded) fact.event();
        int modules = this.modules.applyAsInt(exam);
        String effect = effect().cite();
        Integer last = lastEvaluationYear.value();
        if (revokedBy != null) {
            return new WindowCredit(nothing(fact, effect, "revoked by sequence " + revokedBy.sequence()), false);
        } else if (asOf != null && exam.date().isAfter(asOf)) {
            return new WindowCredit(nothing(fact, effect, "passed after the as-of date " + asOf), false);
        } else if (last != null && evaluationYear > last) {
            return new WindowCredit(nothing(fact, lastEvaluationYear.cite(),
                    "counts only for evaluation years up to " + last), false);
        } else if (kind() == ConversionKind.TITLE_LANGUAGE_EXAM_PASSED && languageCounted) {
            return new WindowCredit(nothing(fact, effect, "a language exam counts once per window"), false);
        }
        return new WindowCredit(counting(fact, hours(modules),
                "passed " + exam.date() + "; counts once in the window, in no credit year"), true);
    }

    private BigDecimal hours(int modules) {
        return perModule.value() ? hours.value().multiply(BigDecimal.valueOf(modules)) : hours.value();
    }
}
