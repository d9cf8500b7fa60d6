package org.celedger.domain.rules.conversions;

import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.ComputerExamPassed;
import org.celedger.domain.practitioner.ConversionRecorded;
import org.celedger.domain.practitioner.DegreeCompleted;
import org.celedger.domain.practitioner.LecturingDelivered;
import org.celedger.domain.practitioner.QualificationExamPassed;
import org.celedger.domain.practitioner.StudyTourCompleted;
import org.celedger.domain.practitioner.TitleLanguageExamPassed;
import org.celedger.domain.rules.Contribution;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Minimums;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The conversion kinds of RULES.md §4.2 as one rule set values them (section {@code conversions}),
 * one class per kind; this reads them in order and hands each fact to its kind.
 */
public final class Conversions {

    static final String LANGUAGE_EXAM = "TitleLanguageExamPassed";

    private final QualificationExam qualificationExam;
    private final TitleExam titleLanguageExam;
    private final TitleExam computerExam;
    private final RateConversion lecturing;
    private final RateConversion studyTour;
    private final DegreeConversion degree;

    private Conversions(RuleSetNode c) {
        qualificationExam = new QualificationExam(c.obj("qualificationExam"));
        titleLanguageExam = new TitleExam(c.obj("titleLanguageExam"), false, LANGUAGE_EXAM);
        computerExam = new TitleExam(c.obj("computerExam"), true, "ComputerExamPassed");
        lecturing = new RateConversion(c.obj("lecturing"), "hoursPerHourTaught", "hour(s) taught", "LecturingDelivered");
        studyTour = new RateConversion(c.obj("studyTour"), "hoursPerDay", "day(s) of study tour, travel excluded",
                "StudyTourCompleted");
        degree = new DegreeConversion(c.obj("degree"));
        c.end();
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

    /** Whether a conversion belongs to no credit year under this rule set (the NX exams, §4.2), so the yearly view omits it. */
    public boolean inNoYear(ConversionRecorded conversion) {
        return conversion instanceof TitleLanguageExamPassed && titleLanguageExam.oncePerWindow()
                || conversion instanceof ComputerExamPassed && computerExam.oncePerWindow();
    }

    /** The clause an item of this conversion cites when it counts nothing (revoked, after the as-of date). */
    public String citationOf(ConversionRecorded conversion) {
        if (conversion instanceof QualificationExamPassed) {
            return qualificationExam.effect().cite();
        } else if (conversion instanceof TitleLanguageExamPassed) {
            return titleLanguageExam.effect().cite();
        } else if (conversion instanceof ComputerExamPassed) {
            return computerExam.effect().cite();
        } else if (conversion instanceof LecturingDelivered) {
            return lecturing.rate().cite();
        } else if (conversion instanceof StudyTourCompleted) {
            return studyTour.rate().cite();
        }
        return degree.effect().cite();
    }

    /** The category an item of this conversion is listed in. */
    public Category categoryOf(ConversionRecorded conversion) {
        if (conversion instanceof QualificationExamPassed) {
            return qualificationExam.category().value();
        } else if (conversion instanceof TitleLanguageExamPassed) {
            return titleLanguageExam.category().value();
        } else if (conversion instanceof ComputerExamPassed) {
            return computerExam.category().value();
        } else if (conversion instanceof LecturingDelivered) {
            return lecturing.category().value();
        } else if (conversion instanceof StudyTourCompleted) {
            return studyTour.category().value();
        }
        return degree.category().value();
    }

    /** Values a conversion in force, dated by the as-of date, into the credit year of its date. */
    public void valueInYear(RecordedFact fact, CreditYear year, String ruleSetId, Minimums yearlyMinimums) {
        ConversionRecorded conversion = (ConversionRecorded) fact.event();
        if (conversion instanceof QualificationExamPassed exam) {
            qualificationExam.valueInYear(fact, exam, year, ruleSetId, yearlyMinimums);
        } else if (conversion instanceof TitleLanguageExamPassed) {
            titleLanguageExam.valueInYear(fact, 1, year, ruleSetId);
        } else if (conversion instanceof ComputerExamPassed exam) {
            computerExam.valueInYear(fact, exam.modules(), year, ruleSetId);
        } else if (conversion instanceof LecturingDelivered lecture) {
            lecturing.valueInYear(fact, lecture.hoursTaught(), year, ruleSetId);
        } else if (conversion instanceof StudyTourCompleted tour) {
            studyTour.valueInYear(fact, tour.days(), year, ruleSetId);
        } else if (conversion instanceof DegreeCompleted d) {
            degree.valueInYear(fact, d, year, ruleSetId);
        }
    }

    /**
     * The credits a window receives whole, not through a year: a title exam valued once per window
     * (NX-2022 一(三)2), passed on any date up to the as-of date, for evaluation years up to the rule's last.
     */
    public List<Contribution> windowCredits(List<ConversionFact> conversions, LocalDate asOf, int evaluationYear) {
        List<Contribution> credits = new ArrayList<>(0);
        boolean languageCounted = false;
        for (ConversionFact c : conversions) {
            TitleExam exam;
            int modules = 1;
            if (c.fact().event() instanceof TitleLanguageExamPassed) {
                exam = titleLanguageExam;
            } else if (c.fact().event() instanceof ComputerExamPassed computer) {
                exam = computerExam;
                modules = computer.modules();
            } else {
                continue;
            }
            if (!exam.oncePerWindow()) {
                continue;
            }
            TitleExam.WindowCredit credit = exam.windowCredit(c.fact(), c.revokedBy(), modules, asOf, evaluationYear,
                    languageCounted);
            credits.add(credit.item());
            languageCounted |= credit.counted() && exam == titleLanguageExam;
        }
        return credits;
    }
}
