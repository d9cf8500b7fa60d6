package org.celedger.domain.practitioner;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The resident ID number (居民身份证号码) of GB 11643-1999: six digits of area, eight of birth date, three of
 * sequence (odd for men) and a check character. It is sensitive personal information (PIPL art. 28), so the
 * ledger never uses it as an id, never prints it in a message, and shows it whole only to the roles API.md
 * names; this class says whether a text is one and how it is shown masked.
 */
public final class ResidentIdNumber {

    private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
    /** An 18-character run that may be a number, not inside a longer word. */
    private static final Pattern IN_TEXT = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");
    /** GB 11643-1999 weights of the first 17 digits, and the check character for each sum modulo 11. */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private ResidentIdNumber() {
    }

    /** The number as stored and compared: trimmed, the check character x written X. */
    public static String normalised(String text) {
        return text == null ? null : text.strip().toUpperCase(Locale.ROOT);
    }

    /** True for 18 characters whose last is the check character of the first 17. */
    public static boolean isValid(String text) {
        return text != null && SHAPE.matcher(text).matches() && checkCharacter(text.substring(0, 17)) == text.charAt(17);
    }

    /** The check character of the first 17 digits of a number: their weighted sum modulo 11, as the standard maps it. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** The birth date the number holds (characters 7 to 14), or null if they are no date. */
    public static LocalDate birthDate(String valid) {
        try {
            return LocalDate.of(Integer.parseInt(valid.substring(6, 10)), Integer.parseInt(valid.substring(10, 12)),
                    Integer.parseInt(valid.substring(12, 14)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The gender the number holds: its 17th digit is odd for men. */
    public static Gender gender(String valid) {
        return (valid.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** {@code text} with every resident ID number in it masked: for what must never echo one (an error's detail). */
    public static String maskedIn(String text) {
        if (text == null) {
            return null;
        }
        return IN_TEXT.matcher(text).replaceAll(m -> {
            String number = normalised(m.group());
            return isValid(number) ? masked(number) : m.group();
        });
    }

    /**
     * The number as roles without the need to know it see it: the six digits of the area and the last four
     * kept, the birth date and the rest starred ({@code 150102********1234}), as the masking rule of API.md
     * "Personal data" says. Anything that is not 18 characters is starred whole.
     */
    public static String masked(String number) {
        if (number == null) {
            return null;
        }
        if (number.length() != 18) {
            return "*".repeat(number.length());
        }
        return number.substring(0, 6) + "********" + number.substring(14);
    }
}
