package org.celedger.ops.generate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.celedger.domain.practitioner.ResidentIdNumber;

/**
 * Resident ID numbers (居民身份证号码, GB 11643-1999): six digits of area, eight of birth date, three of
 * sequence (odd for men, even for women) and a check character ({@link ResidentIdNumber}). A roster names its
 * participants by this number, so the generator gives each practitioner one, as the profile's {@code idNumber}.
 */
public final class ResidentIds {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private ResidentIds() {
    }

    /** The full number for an area code, birth date and sequence (0–999). */
    public static String of(String areaCode, LocalDate birthDate, int sequence) {
        String first17 = areaCode + BASIC.format(birthDate) + String.format("%03d", sequence);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    public static boolean valid(String id) {
        return ResidentIdNumber.isValid(id);
    }
}
