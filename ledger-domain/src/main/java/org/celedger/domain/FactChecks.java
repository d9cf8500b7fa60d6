package org.celedger.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * The plausibility checks a system of record applies before it accepts a fact, shared by the
 * aggregates. Each failure names the field in API.md's words, so the edge can answer with a
 * problem naming it.
 */
public final class FactChecks {

    /** Ids appear in URLs: letters, digits and {@code . _ : -}. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    /** Award ids may also hold '/', because a roster names its awards {@code sessionId/practitionerId} (API.md). */
    private static final Pattern AWARD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,200}");
    /** No credit year or fact date before the oldest rules this ledger knows of could matter. */
    public static final int EARLIEST_YEAR = 1980;
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1920, 1, 1);
    /** Hours of one award: the largest yearly requirement is 90 h (RULES.md §5); 1,000 h in one award is a typo. */
    public static final BigDecimal MAX_HOURS = new BigDecimal("1000");
    public static final int MAX_MINUTES = 60_000;
    public static final int MAX_TEXT = 200;
    public static final int MAX_REASON = 2_000;
    /** Facts are dated in China's time zone, whatever the server's. */
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private FactChecks() {
    }

    /** Today, by the clock that stamps events (simulated in tests). */
    public static LocalDate today() {
        return LocalDate.ofInstant(GenericEventMessage.clock.instant(), BUSINESS_ZONE);
    }

    public static <T> T present(String field, T value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new InvalidFactException(field, field + " is required");
        }
        return value;
    }

    public static void that(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidFactException(field, message);
        }
    }

    /** As {@link #that(boolean, String, String)}, the message built only when the check fails. */
    public static void that(boolean condition, String field, java.util.function.Supplier<String> message) {
        if (!condition) {
            throw new InvalidFactException(field, message.get());
        }
    }

    public static void absent(String field, Object value, Object kind) {
        that(value == null, field, field + " does not apply to " + kind);
    }

    public static String id(String field, String value) {
        present(field, value);
        that(ID.matcher(value).matches(), field,
                field + " must be 1 to 128 letters, digits or . _ : - and start with a letter or digit");
        return value;
    }

    public static String awardId(String field, String value) {
        present(field, value);
        that(AWARD_ID.matcher(value).matches(), field,
                field + " must be 1 to 201 letters, digits or . _ : / - and start with a letter or digit");
        return value;
    }

    public static String text(String field, String value) {
        present(field, value);
        return optionalText(field, value);
    }

    public static String optionalText(String field, String value) {
        that(value == null || value.length() <= MAX_TEXT, field, field + " is longer than " + MAX_TEXT + " characters");
        return value;
    }

    public static String reason(String field, String value) {
        present(field, value);
        return optionalReason(field, value);
    }

    public static String optionalReason(String field, String value) {
        that(value == null || value.length() <= MAX_REASON, field,
                field + " is longer than " + MAX_REASON + " characters");
        return value;
    }

    /** A credit year: not before 1980 and not after the current year. */
    public static int year(String field, Integer value) {
        present(field, value);
        that(value >= EARLIEST_YEAR && value <= today().getYear(), field,
                field + " must be between " + EARLIEST_YEAR + " and the current year, not " + value);
        return value;
    }

    /** The date of something that has happened: not before 1980 and not in the future. */
    public static LocalDate pastDate(String field, LocalDate value) {
        present(field, value);
        that(!value.isBefore(LocalDate.of(EARLIEST_YEAR, 1, 1)), field, field + " is before " + EARLIEST_YEAR);
        that(!value.isAfter(today()), field, field + " " + value + " is in the future");
        return value;
    }

    /**
     * A positive decimal with at most one decimal place (hours are kept to one decimal, RULES.md §1),
     * at most {@code max}; returned with scale 1 so that equal amounts compare equal.
     */
    public static BigDecimal oneDecimal(String field, BigDecimal value, BigDecimal max) {
        return oneDecimal(field, value, true, max);
    }

    /** Decimal places a written amount may carry (trailing zeros included): far more than anyone writes. */
    private static final int MAX_WRITTEN_SCALE = 30;

    /** A decimal as a message may show it: plain when short, else in scientific form, at most 40 characters. */
    static String shown(BigDecimal value) {
        String text = Math.abs(value.scale()) <= MAX_WRITTEN_SCALE ? value.toPlainString() : value.toString();
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** As {@link #oneDecimal(String, BigDecimal, BigDecimal)}, allowing zero unless {@code positive}. */
    public static BigDecimal oneDecimal(String field, BigDecimal value, boolean positive, BigDecimal max) {
        present(field, value);
        // 1e999999999 is a small object whose plain text (or a rescale) has a billion digits; printing it
        // exhausted the heap. None of these checks prints or rescales it (compareTo and stripTrailingZeros
        // work on precision and scale), and a message shows it in plain form only when short (shown). The
        // messages are built only for a value refused: this runs for every award and roster row.
        that(positive ? value.signum() > 0 : value.signum() >= 0, field,
                () -> field + " must be " + (positive ? "positive" : "zero or more") + ", not " + shown(value));
        that(value.stripTrailingZeros().scale() <= 1, field,
                () -> field + " has more than one decimal place: " + shown(value));
        that(value.compareTo(max) <= 0, field,
                () -> field + " " + shown(value) + " is implausible: at most " + max.toPlainString());
        return value.setScale(1);
    }
}
