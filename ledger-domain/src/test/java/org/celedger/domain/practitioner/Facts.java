package org.celedger.domain.practitioner;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Well-formed commands and their events, for tests to vary one field at a time. */
final class Facts {

    static final String P = "p-1";

    private Facts() {
    }

    static PractitionerProfile profile() {
        return new PractitionerProfile("王芳", Gender.FEMALE, LocalDate.of(1980, 5, 17), Jurisdiction.IM, "呼和浩特市",
                Sector.PUBLIC_INSTITUTION, false, "工程", TitleLevel.INTERMEDIATE, LocalDate.of(2015, 12, 1),
                Degree.BACHELOR);
    }

    static RegisterPractitionerCommand register() {
        return new RegisterPractitionerCommand(P, profile());
    }

    static PractitionerRegistered registered() {
        return new PractitionerRegistered(P, profile());
    }

    static AwardCreditCommand award(String awardId) {
        return new AwardCreditCommand(P, awardId, 2025, Category.PROFESSIONAL, Activity.BASE_TRAINING,
                new BigDecimal("32"), null, "base-1", "s-1", "内蒙古人社厅", "C-001", LocalDate.of(2025, 3, 10));
    }

    static CreditAwarded awarded(String awardId) {
        return new CreditAwarded(P, awardId, 2025, Category.PROFESSIONAL, Activity.BASE_TRAINING,
                new BigDecimal("32.0"), null, "base-1", "s-1", "内蒙古人社厅", "C-001", LocalDate.of(2025, 3, 10));
    }

    static RecordConversionCommand conversion(String id, ConversionKind kind) {
        return new RecordConversionCommand(P, id, kind, LocalDate.of(2025, 4, 1), null, null, null, null, null, null,
                "证书 123");
    }

    static GrantExemptionCommand covid(String id) {
        return new GrantExemptionCommand(P, id, ExemptionKind.COVID_FRONTLINE, List.of(2022, 2021), "表彰文件", "自治区卫健委");
    }

    static TransferPractitionerCommand transfer(String id) {
        return new TransferPractitionerCommand(P, id, TransferKind.FROM_GOVERNMENT_ORGAN, LocalDate.of(2024, 7, 1),
                null, null, Sector.PUBLIC_INSTITUTION);
    }
}
