package org.celedger.domain.base;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.Jurisdiction;

/** Well-formed commands and their events for the base tests, to vary one field at a time. */
final class BaseFacts {

    static final String B = "base-1";
    static final String S = "s-1";
    /** The fixture's clock: 2026-06-01 12:00 in Asia/Shanghai. */
    static final Instant NOW = Instant.parse("2026-06-01T04:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private BaseFacts() {
    }

    static RegisterBaseCommand registerBase() {
        return new RegisterBaseCommand(B, "内蒙古大学继续教育基地", BaseLevel.REGIONAL, Jurisdiction.IM, "呼和浩特市");
    }

    static BaseRegistered baseRegistered() {
        return new BaseRegistered(B, "内蒙古大学继续教育基地", BaseLevel.REGIONAL, Jurisdiction.IM, "呼和浩特市");
    }

    static BaseStatusChanged statusChanged(String changeId, BaseStatus from, BaseStatus to) {
        return new BaseStatusChanged(B, changeId, from, to, "第三十二条");
    }

    /** A three-day in-person session in March 2026, ended before the fixture's today. */
    static FileSessionPlanCommand filePlan(String sessionId) {
        return new FileSessionPlanCommand(B, sessionId, "工程伦理专题研修", Category.PROFESSIONAL, SessionMode.IN_PERSON,
                LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 12), "呼和浩特市赛罕区", 40);
    }

    static SessionPlanFiled planFiled(String sessionId, LocalDate filedOn) {
        return new SessionPlanFiled(B, sessionId, "工程伦理专题研修", Category.PROFESSIONAL, SessionMode.IN_PERSON,
                LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 12), "呼和浩特市赛罕区", 40, filedOn);
    }

    static SessionPlanFiled planFiled(String sessionId) {
        return planFiled(sessionId, LocalDate.of(2026, 2, 20));
    }

    static RosterEntry entry(String practitionerId, String hours) {
        return new RosterEntry(practitionerId, null, new BigDecimal(hours), Category.PROFESSIONAL);
    }

    static SubmitRosterCommand roster(String sessionId, RosterEntry... entries) {
        // Arrays.asList, not List.of: a test sends a null row as a careless client might.
        return new SubmitRosterCommand(B, sessionId, Arrays.asList(entries));
    }

    static RecordInspectionCommand inspect(String inspectionId, Verdict verdict) {
        return new RecordInspectionCommand(B, S, inspectionId, "自治区人社厅专技处", LocalDate.of(2026, 5, 20), 12,
                new BigDecimal("24"), verdict, "签到表与现场人数不符");
    }

    static SessionInspected inspected(String inspectionId, Verdict verdict) {
        return new SessionInspected(B, S, inspectionId, "自治区人社厅专技处", LocalDate.of(2026, 5, 20), 12,
                new BigDecimal("24.0"), verdict, "签到表与现场人数不符");
    }
}
