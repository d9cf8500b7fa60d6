package org.celedger.domain.rules;

import org.celedger.domain.practitioner.TitleLevel;

import java.time.LocalDate;

/**
 * What a decision answers: may this practitioner apply for {@code purpose} at {@code level} in
 * evaluation year {@code year}? {@code level} is a {@link TitleLevel} name (not {@code NONE}) for
 * {@link Purpose#TITLE_EVALUATION} and a {@link RecognitionPath} name for
 * {@link Purpose#ASSESSMENT_RECOGNITION}. {@code asOf} is the date at which the profile and age are
 * taken; null means 31 December of {@code year} (I-9). {@code exceptional} marks a 破格 application.
 *
 * @throws InvalidQueryException naming the bad field
 */
public record EligibilityQuery(Purpose purpose, String level, int year, LocalDate asOf, boolean exceptional) {

    /** Evaluation years outside this range are certainly typing errors, not questions. */
    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = 2100;

    public EligibilityQuery {
        if (purpose == null) {
            throw new InvalidQueryException("purpose", "purpose is required: TITLE_EVALUATION or ASSESSMENT_RECOGNITION");
        }
        if (level == null || level.isBlank()) {
            throw new InvalidQueryException("level", "level is required");
        }
        if (purpose == Purpose.TITLE_EVALUATION && !isTitleLevel(level)) {
            throw new InvalidQueryException("level", "level '" + level
                    + "' is not a title level; use JUNIOR, INTERMEDIATE, ASSOCIATE_SENIOR or SENIOR");
        }
        if (purpose == Purpose.ASSESSMENT_RECOGNITION && !isRecognitionPath(level)) {
            throw new InvalidQueryException("level", "level '" + level
                    + "' is not a recognition path; use ASSOCIATE_TO_ASSISTANT, BACHELOR_TO_ASSISTANT,"
                    + " MASTER_TO_INTERMEDIATE or DOCTOR_TO_INTERMEDIATE");
        }
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidQueryException("year", "year " + year + " is outside " + FIRST_YEAR + "–" + LAST_YEAR);
        }
        if (asOf != null && (asOf.getYear() < FIRST_YEAR || asOf.getYear() > LAST_YEAR)) {
            throw new InvalidQueryException("asOf", "asOf " + asOf + " is outside " + FIRST_YEAR + "–" + LAST_YEAR);
        }
    }

    /** A query for a title evaluation at the given level, as of 31 December of the year. */
    public static EligibilityQuery title(TitleLevel level, int year) {
        return new EligibilityQuery(Purpose.TITLE_EVALUATION, level.name(), year, null, false);
    }

    /** A query for an assessment recognition on the given path, as of 31 December of the year. */
    public static EligibilityQuery recognition(RecognitionPath path, int year) {
        return new EligibilityQuery(Purpose.ASSESSMENT_RECOGNITION, path.name(), year, null, false);
    }

    /** This query as of another date. */
    public EligibilityQuery asOf(LocalDate date) {
        return new EligibilityQuery(purpose, level, year, date, exceptional);
    }

    /** This query as an exceptional (破格) application. */
    public EligibilityQuery exceptionalApplication() {
        return new EligibilityQuery(purpose, level, year, asOf, true);
    }

    /** The as-of date actually used: the one given, or 31 December of the evaluation year (I-9). */
    public LocalDate effectiveAsOf() {
        return asOf != null ? asOf : LocalDate.of(year, 12, 31);
    }

    private static boolean isTitleLevel(String level) {
        for (TitleLevel t : TitleLevel.values()) {
            if (t != TitleLevel.NONE && t.name().equals(level)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRecognitionPath(String level) {
        for (RecognitionPath p : RecognitionPath.values()) {
            if (p.name().equals(level)) {
                return true;
            }
        }
        return false;
    }
}
