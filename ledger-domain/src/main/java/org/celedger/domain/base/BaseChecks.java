package org.celedger.domain.base;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.GenericEventMessage;
import org.celedger.domain.InvalidFactException;

/**
 * The plausibility checks of the base package, each failure naming the field in API.md's words.
 * A small copy of the practitioner package's checks (which are package-private there), so that both
 * aggregates refuse the same things in the same words.
 */
final class BaseChecks {

    /** Ids appear in URLs: letters, digits and {@code . _ : -}. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    static final int EARLIEST_YEAR = 1980;
    /** Hours of one roster row; the same bound as one award on the practitioner, so an accepted row never fails there. */
    static final BigDecimal MAX_HOURS = new BigDecimal("1000");
    static final int MAX_TEXT = 200;
    static final int MAX_REASON = 2_000;
    /** Facts are dated in China's time zone, whatever the server's. */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private BaseChecks() {
    }

    /** Today, by the clock that stamps events (simulated in tests). */
    static LocalDate today() {
        return LocalDate.ofInstant(GenericEventMessage.clock.instant(), BUSINESS_ZONE);
    }

    static <T> T present(String field, T value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new InvalidFactException(field, field + " is required");
        }
        return value;
    }

    static void that(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidFactException(field, message);
        }
    }

    static String id(String field, String value) {
        present(field, value);
        that(ID.matcher(value).matches(), field,
                field + " must be 1 to 128 letters, digits or . _ : - and start with a letter or digit");
        return value;
    }

    static String text(String field, String value) {
        present(field, value);
        return optionalText(field, value);
    }

    static String optionalText(String field, String value) {
        that(value == null || value.length() <= MAX_TEXT, field, field + " is longer than " + MAX_TEXT + " characters");
        return value;
    }

    static String reason(String field, String value) {
        present(field, value);
        return optionalReason(field, value);
    }

    static String optionalReason(String field, String value) {
        that(value == null || value.length() <= MAX_REASON, field,
                field + " is longer than " + MAX_REASON + " characters");
        return value;
    }

    /** The date of something that has happened: not before 1980 and not in the future. */
    static LocalDate pastDate(String field, LocalDate value) {
        present(field, value);
        that(!value.isBefore(LocalDate.of(EARLIEST_YEAR, 1, 1)), field, field + " is before " + EARLIEST_YEAR);
        that(!value.isAfter(today()), field, field + " " + value + " is in the future");
        return value;
    }

    /**
     * A decimal with at most one decimal place (hours are kept to one decimal, RULES.md §1), between
     * {@code min} (exclusive when {@code positive}) and {@code max}; returned with scale 1 so that equal
     * amounts compare equal.
     */
    static BigDecimal oneDecimal(String field, BigDecimal value, boolean positive, BigDecimal max) {
        present(field, value);
        that(positive ? value.signum() > 0 : value.signum() >= 0, field,
                field + " must be " + (positive ? "positive" : "zero or more") + ", not " + value.toPlainString());
        that(value.stripTrailingZeros().scale() <= 1, field,
                field + " has more than one decimal place: " + value.toPlainString());
        that(value.compareTo(max) <= 0, field,
                field + " " + value.toPlainString() + " is implausible: at most " + max.toPlainString());
        return value.setScale(1);
    }
}
