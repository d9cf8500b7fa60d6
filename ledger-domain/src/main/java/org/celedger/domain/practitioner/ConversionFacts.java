package org.celedger.domain.practitioner;

import static org.celedger.domain.FactChecks.*;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Turns a {@link RecordConversionCommand} into the conversion fact of its kind, checking that it
 * carries what that kind needs (API.md: quantity is hours taught, days, or modules) and nothing
 * that belongs to another kind.
 */
final class ConversionFacts {

    /** A lecturer's hours in one record: more than a year's teaching load is a typo. */
    private static final BigDecimal MAX_HOURS_TAUGHT = new BigDecimal("1000");
    private static final BigDecimal MAX_TOUR_DAYS = new BigDecimal("365");
    private static final int MAX_MODULES = 20;
    private static final BigDecimal MAX_CERTIFIED_HOURS = new BigDecimal("2000");

    private ConversionFacts() {
    }

    static ConversionRecorded from(String practitionerId, RecordConversionCommand c) {
        String id = id("conversionId", c.conversionId());
        ConversionKind kind = present("kind", c.kind());
        LocalDate date = pastDate("date", c.date());
        String evidence = optionalText("evidence", c.evidence());
        if (kind != ConversionKind.QUALIFICATION_EXAM_PASSED) {
            absent("inRegion", c.inRegion(), kind);
        }
        if (kind != ConversionKind.DEGREE_COMPLETED) {
            absent("enrolledOn", c.enrolledOn(), kind);
            absent("graduatedOn", c.graduatedOn(), kind);
            absent("degree", c.degree(), kind);
            absent("certifiedHours", c.certifiedHours(), kind);
        }
        return switch (kind) {
            case QUALIFICATION_EXAM_PASSED -> {
                absent("quantity", c.quantity(), kind);
                // RULES.md §4.2: inRegion is required, since only exams in the region are valued.
                yield new QualificationExamPassed(practitionerId, id, date, present("inRegion", c.inRegion()), evidence);
            }
            case TITLE_LANGUAGE_EXAM_PASSED -> {
                absent("quantity", c.quantity(), kind);
                yield new TitleLanguageExamPassed(practitionerId, id, date, evidence);
            }
            case COMPUTER_EXAM_PASSED -> {
                BigDecimal modules = present("quantity", c.quantity());
                that(modules.stripTrailingZeros().scale() <= 0 && modules.signum() > 0
                                && modules.compareTo(BigDecimal.valueOf(MAX_MODULES)) <= 0,
                        "quantity", "quantity is the number of modules passed: a whole number from 1 to " + MAX_MODULES);
                yield new ComputerExamPassed(practitionerId, id, date, modules.intValueExact(), evidence);
            }
            case LECTURING_DELIVERED -> new LecturingDelivered(practitionerId, id, date,
                    oneDecimal("quantity", c.quantity(), MAX_HOURS_TAUGHT), evidence);
            case STUDY_TOUR_COMPLETED -> {
                BigDecimal days = oneDecimal("quantity", c.quantity(), MAX_TOUR_DAYS);
                // Half a day is the smallest unit (IM-MEASURES-2017 第十条: half a day = 4 h).
                that(days.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() <= 0, "quantity",
                        "quantity is days of study tour in whole or half days, not " + days.toPlainString());
                yield new StudyTourCompleted(practitionerId, id, date, days, evidence);
            }
            case DEGREE_COMPLETED -> {
                absent("quantity", c.quantity(), kind);
                LocalDate enrolled = pastDate("enrolledOn", c.enrolledOn());
                LocalDate graduated = pastDate("graduatedOn", c.graduatedOn());
                that(graduated.isAfter(enrolled), "graduatedOn", "graduatedOn is not after enrolledOn");
                BigDecimal certified = c.certifiedHours() == null ? null
                        : oneDecimal("certifiedHours", c.certifiedHours(), MAX_CERTIFIED_HOURS);
                yield new DegreeCompleted(practitionerId, id, date, enrolled, graduated,
                        present("degree", c.degree()), certified, evidence);
            }
        };
    }
}
