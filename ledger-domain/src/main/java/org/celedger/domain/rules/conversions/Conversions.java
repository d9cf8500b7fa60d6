package org.celedger.domain.rules.conversions;

import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.ComputerExamPassed;
import org.celedger.domain.practitioner.ConversionKind;
import org.celedger.domain.practitioner.ConversionRecorded;
import org.celedger.domain.practitioner.LecturingDelivered;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.practitioner.QualificationExamPassed;
import org.celedger.domain.practitioner.StudyTourCompleted;
import org.celedger.domain.rules.Contribution;
import org.celedger.domain.rules.Hours;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Minimums;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conversion kinds of RULES.md §4.2 as one rule set values them (section {@code conversions}),
 * one class per kind; this reads them in order and hands each fact to the rule of its
 * {@link ConversionKind} (see {@link ConversionRule} for why a registry keyed by kind).
 */
public final class Conversions {

    /**
     * The kinds some rule sets value in no credit year (NX-2022 一(三)2): a year with only these facts
     * is not a year of the yearly view when no rule set serves it.
     */
    public static final Set<ConversionKind> MAY_BELONG_TO_NO_YEAR =
            EnumSet.of(ConversionKind.TITLE_LANGUAGE_EXAM_PASSED, ConversionKind.COMPUTER_EXAM_PASSED);

    private final QualificationExam qualificationExam;
    private final TitleExam titleLanguageExam;
    private final TitleExam computerExam;
    private final RateConversion lecturing;
    private final RateConversion studyTour;
    private final DegreeConversion degree;
    private final Map<ConversionKind, ConversionRule> byKind = new EnumMap<>(ConversionKind.class);

    private Conversions(RuleSetNode c) {
        qualificationExam = new QualificationExam(c.obj("qualificationExam"));
        titleLanguageExam = new TitleExam(c.obj("titleLanguageExam"), ConversionKind.TITLE_LANGUAGE_EXAM_PASSED,
                "TitleLanguageExamPassed", null);
        computerExam = new TitleExam(c.obj("computerExam"), ConversionKind.COMPUTER_EXAM_PASSED, "ComputerExamPassed",
                exam -> ((ComputerExamPassed) exam).modules());
        lecturing = new RateConversion(c.obj("lecturing"), "hoursPerHourTaught", "hour(s) taught",
                ConversionKind.LECTURING_DELIVERED, "LecturingDelivered", lecture -> ((LecturingDelivered) lecture).hoursTaught());
        studyTour = new RateConversion(c.obj("studyTour"), "hoursPerDay", "day(s) of study tour, travel excluded",
                ConversionKind.STUDY_TOUR_COMPLETED, "StudyTourCompleted", tour -> ((StudyTourCompleted) tour).days());
        degree = new DegreeConversion(c.obj("degree"));
        c.end();
        for (ConversionRule rule : List.of(qualificationExam, titleLanguageExam, computerExam, lecturing, studyTour, degree)) {
            byKind.put(rule.kind(), rule);
        }
        if (byKind.size() != ConversionKind.values().length) {
            // A programming error, not a rule-set error: a new kind of fact needs its rule here.
            throw new IllegalStateException("no conversion rule for " + EnumSet.complementOf(EnumSet.copyOf(byKind.keySet())));
        }
    }

    /** Reads the {@code conversions} section of a rule set. */
    public static Conversions read(RuleSetNode conversions) {
        return new Conversions(conversions);
    }

    public QualificationExam qualificationExam() {
        return qualificationExam;
    }

    public TitleExam titleLanguageExam() {
        return titleLanguageExam;
    }

    public TitleExam computerExam() {
        return computerExam;
    }

    public RateConversion lecturing() {
        return lecturing;
    }

    public RateConversion studyTour() {
        return studyTour;
    }

    public DegreeConversion degree() {
        return degree;
    }

    private ConversionRule ruleOf(ConversionRecorded conversion) {
        return byKind.get(conversion.kind());
    }

    /** Whether a conversion belongs to no credit year under this rule set (the NX exams, §4.2), so the yearly view omits it. */
    public boolean inNoYear(ConversionRecorded conversion) {
        return ruleOf(conversion).inNoYear();
    }

    /** The clause an item of this conversion cites when it counts nothing (revoked, after the as-of date). */
    public String citationOf(ConversionRecorded conversion) {
        return ruleOf(conversion).itemCitation();
    }

    /** The category an item of this conversion is listed in. */
    public Category categoryOf(ConversionRecorded conversion) {
        return ruleOf(conversion).itemCategory();
    }

    /** The event type an item of this conversion names (API.md {@code eventType}). */
    public String eventTypeOf(ConversionRecorded conversion) {
        return ruleOf(conversion).eventType();
    }

    /** Values a conversion in force, dated by the as-of date, into the credit year of its date. */
    public void valueInYear(RecordedFact fact, CreditYear year, String ruleSetId, Minimums yearlyMinimums) {
        ruleOf((ConversionRecorded) fact.event()).valueInYear(fact, year, ruleSetId, yearlyMinimums);
    }

    /**
     * The credits a window receives whole, not through a year: a title exam valued once per window
     * (NX-2022 一(三)2), passed on any date up to the as-of date, for evaluation years up to the rule's last.
     */
    public List<Contribution> windowCredits(List<ConversionFact> conversions, LocalDate asOf, int evaluationYear) {
        List<Contribution> credits = new ArrayList<>(0);
        boolean languageCounted = false;
        for (ConversionFact c : conversions) {
            ConversionRule rule = ruleOf((ConversionRecorded) c.fact().event());
            if (!rule.inNoYear()) {
                continue;
            }
            // Only the title exams value a fact in no year (inNoYear), so the rule is one of them.
            TitleExam exam = (TitleExam) rule;
            TitleExam.WindowCredit credit = exam.windowCredit(c.fact(), c.revokedBy(), asOf, evaluationYear, languageCounted);
            credits.add(credit.item());
            languageCounted |= credit.counted() && exam == titleLanguageExam;
        }
        return credits;
    }

    /**
     * The qualification exam that deems the professional part of the window met (NX-2022 一(三)3),
     * or null when the rule set has no such rule or no exam qualifies; {@code rejected} receives the
     * exams that do not, with the reason.
     */
    public ConversionFact windowDeemingExam(List<ConversionFact> conversions, LocalDate asOf, PractitionerProfile profile,
                                            List<Contribution> rejected) {
        if (!qualificationExam.deemsWindowPart()) {
            return null;
        }
        Category category = qualificationExam.category().value();
        ConversionFact found = null;
        for (ConversionFact c : conversions) {
            ConversionRecorded conversion = (ConversionRecorded) c.fact().event();
            if (conversion.kind() != ConversionKind.QUALIFICATION_EXAM_PASSED) {
                continue;
            }
            String reason;
            if (c.revokedBy() != null) {
                reason = "revoked by sequence " + c.revokedBy().sequence();
            } else {
                reason = qualificationExam.notDeemingWindow((QualificationExamPassed) conversion, asOf, profile);
                if (reason == null && found != null) {
                    reason = "the window is already deemed met by another exam";
                }
            }
            if (reason == null) {
                found = c;
            } else {
                rejected.add(Items.zero(c.fact(), QualificationExam.EVENT_TYPE, qualificationExam.effect().cite(), category, reason));
            }
        }
        return found;
    }

    /**
     * The item that deems the professional part of a window met (NX-2022 一(三)3): the top-up from
     * the {@code actual} professional hours to the {@code part} the requirement sets.
     */
    public Contribution windowPartDeemed(ConversionFact exam, BigDecimal actual, BigDecimal part) {
        BigDecimal topUp = Hours.max(Hours.ZERO, part.subtract(actual));
        return new Contribution(exam.fact().sequence(), QualificationExam.EVENT_TYPE,
                ((ConversionRecorded) exam.fact().event()).conversionId(), topUp, qualificationExam.effect().cite(),
                Category.PROFESSIONAL, "professional part deemed met: actual " + actual + ", part " + part + ", credited "
                + Hours.max(actual, part));
    }
}
