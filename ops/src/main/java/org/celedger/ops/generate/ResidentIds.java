package org.celedger.ops.generate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Resident ID numbers (居民身份证号码, GB 11643-1999): six digits of area, eight of birth date, three of
 * sequence (odd for men, even for women) and a check character. A roster names its participants by
 * this number, so the generator uses it as the practitioner's id.
 */
public final class ResidentIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private ResidentIds() {
    }

    /** The full number for an area code, birth date and sequence (0–999). */
    public static String of(String areaCode, LocalDate birthDate, int sequence) {
        String first17 = areaCode + BASIC.format(birthDate) + String.format("%03d", sequence);
        return first17 + checkCharacter(first17);
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    public static boolean valid(String id) {
        return id.matches("\\d{17}[\\dX]") && checkCharacter(id.substring(0, 17)) == id.charAt(17);
    }
}
