package org.celedger.domain.rules;

import org.celedger.domain.practitioner.Activity;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.ComputerExamPassed;
import org.celedger.domain.practitioner.ConversionRevoked;
import org.celedger.domain.practitioner.CreditAwarded;
import org.celedger.domain.practitioner.CreditReassigned;
import org.celedger.domain.practitioner.CreditRevoked;
import org.celedger.domain.practitioner.Degree;
import org.celedger.domain.practitioner.DegreeCompleted;
import org.celedger.domain.practitioner.ExemptionGranted;
import org.celedger.domain.practitioner.ExemptionKind;
import org.celedger.domain.practitioner.ExemptionRevoked;
import org.celedger.domain.practitioner.Gender;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.practitioner.LecturingDelivered;
import org.celedger.domain.practitioner.PractitionerEvent;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.practitioner.PractitionerProfileCorrected;
import org.celedger.domain.practitioner.PractitionerRegistered;
import org.celedger.domain.practitioner.PractitionerTransferred;
import org.celedger.domain.practitioner.ProfileChanges;
import org.celedger.domain.practitioner.QualificationExamPassed;
import org.celedger.domain.practitioner.RevocationCause;
import org.celedger.domain.practitioner.Sector;
import org.celedger.domain.practitioner.StudyTourCompleted;
import org.celedger.domain.practitioner.TitleLanguageExamPassed;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.practitioner.TransferKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Builds one practitioner's stream for tests: a registration (a man born 1980-06-15 in IM, a
 * public institution, INTERMEDIATE since 2015-06-01, bachelor, unless changed), then facts in
 * sequence order, each recorded one minute after the previous.
 */
final class Facts {

    static final String ID = "p-1";
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final List<RecordedFact> facts = new ArrayList<>();
    private int conversions;

    static PractitionerProfile defaultProfile() {
        return new PractitionerProfile("张三", Gender.MALE, LocalDate.of(1980, 6, 15), Jurisdiction.IM, "呼和浩特市",
                Sector.PUBLIC_INSTITUTION, false, "工程", TitleLevel.INTERMEDIATE, LocalDate.of(2015, 6, 1), Degree.BACHELOR);
    }

    /** A practitioner with the default profile changed by {@code change}. */
    static Facts practitioner(UnaryOperator<PractitionerProfile> change) {
        Facts f = new Facts();
        f.add(new PractitionerRegistered(ID, change.apply(defaultProfile())));
        return f;
    }

    static Facts practitioner() {
        return practitioner(p -> p);
    }

    static Facts in(Jurisdiction jurisdiction) {
        return practitioner(p -> with(p, jurisdiction, p.gender(), p.birthDate(), p.sector(), p.grassroots(),
                p.titleLevel(), p.titleObtainedOn(), p.degree()));
    }

    /** A copy of a profile with the fields that rules read replaced. */
    static PractitionerProfile with(PractitionerProfile p, Jurisdiction j, Gender g, LocalDate birth, Sector sector,
                                    Boolean grassroots, TitleLevel level, LocalDate obtained, Degree degree) {
        return new PractitionerProfile(p.name(), g, birth, j, p.region(), sector, grassroots, p.titleSeries(), level,
                obtained, degree);
    }

    Facts add(PractitionerEvent event) {
        long sequence = facts.size();
        facts.add(new RecordedFact(sequence, START.plusSeconds(60 * sequence), event));
        return this;
    }

    Facts award(String id, int year, Category category, Activity activity, String hours) {
        return add(new CreditAwarded(ID, id, year, category, activity, new BigDecimal(hours), null, "base-1",
                "s-" + id, "人社局", "C-" + id, LocalDate.of(year, 6, 30)));
    }

    Facts awardMinutes(String id, int year, Category category, Activity activity, int minutes) {
        return add(new CreditAwarded(ID, id, year, category, activity, null, minutes, "base-1",
                "s-" + id, "人社局", "C-" + id, LocalDate.of(year, 6, 30)));
    }

    /** PUBLIC hours online and PROFESSIONAL hours at a base in one year (ids {@code pub-Y}, {@code pro-Y}). */
    Facts year(int year, String publicHours, String professionalHours) {
        if (new BigDecimal(publicHours).signum() > 0) {
            award("pub-" + year, year, Category.PUBLIC, Activity.ONLINE_PLATFORM, publicHours);
        }
        if (new BigDecimal(professionalHours).signum() > 0) {
            award("pro-" + year, year, Category.PROFESSIONAL, Activity.ONLINE_PLATFORM, professionalHours);
        }
        return this;
    }

    /** The yearly minimums exactly: 30 PUBLIC and 60 PROFESSIONAL. */
    Facts fullYear(int year) {
        return year(year, "30", "60");
    }

    Facts revoke(String awardId) {
        return add(new CreditRevoked(ID, awardId, "certificate issued in error", RevocationCause.CORRECTION, null));
    }

    Facts reassign(String awardId, int fromYear, int targetYear) {
        return add(new CreditReassigned(ID, awardId, fromYear, targetYear, "补学往年"));
    }

    Facts qualificationExam(LocalDate date, boolean inRegion) {
        return add(new QualificationExamPassed(ID, nextConversion(), date, inRegion, "score report"));
    }

    Facts languageExam(LocalDate date) {
        return add(new TitleLanguageExamPassed(ID, nextConversion(), date, "certificate"));
    }

    Facts computerExam(LocalDate date, int modules) {
        return add(new ComputerExamPassed(ID, nextConversion(), date, modules, "certificate"));
    }

    Facts lecturing(LocalDate date, String hoursTaught) {
        return add(new LecturingDelivered(ID, nextConversion(), date, new BigDecimal(hoursTaught), "teaching record"));
    }

    Facts studyTour(LocalDate date, String days) {
        return add(new StudyTourCompleted(ID, nextConversion(), date, new BigDecimal(days), "tour report"));
    }

    Facts degree(LocalDate enrolled, LocalDate graduated, Degree degree, String certifiedHours) {
        return add(new DegreeCompleted(ID, nextConversion(), graduated, enrolled, graduated, degree,
                certifiedHours == null ? null : new BigDecimal(certifiedHours), "diploma"));
    }

    Facts revokeConversion(String conversionId) {
        return add(new ConversionRevoked(ID, conversionId, "evidence withdrawn"));
    }

    Facts exemption(String id, ExemptionKind kind, Integer... years) {
        return add(new ExemptionGranted(ID, id, kind, List.of(years), "文件", "卫健委"));
    }

    Facts revokeExemption(String id) {
        return add(new ExemptionRevoked(ID, id, "granted in error"));
    }

    Facts transfer(TransferKind kind, LocalDate effective, Jurisdiction to, Sector toSector) {
        return add(new PractitionerTransferred(ID, "t-" + facts.size(), kind, effective, to, null, toSector));
    }

    Facts correct(ProfileChanges changes) {
        return add(new PractitionerProfileCorrected(ID, "c-" + facts.size(), changes, null, "wrong value"));
    }

    /** The id the next conversion will get: c-1, c-2, … */
    String lastConversionId() {
        return "c-" + conversions;
    }

    private String nextConversion() {
        return "c-" + (++conversions);
    }

    List<RecordedFact> list() {
        return List.copyOf(facts);
    }

    /** The facts recorded up to and including {@code sequence}: what was known then. */
    List<RecordedFact> upTo(long sequence) {
        return List.copyOf(facts.subList(0, (int) sequence + 1));
    }
}
