package org.celedger.projections.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import org.celedger.domain.base.BaseLevel;
import org.celedger.domain.base.BaseStatus;
import org.celedger.domain.base.DoubleBookings;
import org.celedger.domain.base.FilingDeadlines;
import org.celedger.domain.base.InPersonAttendance;
import org.celedger.domain.base.InspectionSampler;
import org.celedger.domain.base.RiskFinding;
import org.celedger.domain.base.RiskSignal;
import org.celedger.domain.base.RiskSignals;
import org.celedger.domain.base.RosterCredits;
import org.celedger.domain.base.RosterEntry;
import org.celedger.domain.base.SampleCandidate;
import org.celedger.domain.base.SessionInspected;
import org.celedger.domain.base.SessionKey;
import org.celedger.domain.base.SessionMode;
import org.celedger.domain.base.SessionRoster;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.rules.RuleSet;
import org.celedger.domain.rules.RuleSets;

/**
 * What supervisors see (RULES.md §8): every session with its risk signals, judged by the rule set
 * serving the session's year in its base's jurisdiction, and the population a random check draws from.
 * A practitioner on two in-person sessions on the same day is found across all bases.
 */
public final class Supervision {

    private final BaseViewStore store;
    private final Supplier<RuleSets> ruleSets;

    public Supervision(BaseViewStore store, Supplier<RuleSets> ruleSets) {
        this.store = store;
        this.ruleSets = ruleSets;
    }

    /** A session as a supervisor reads it. */
    public record SessionReport(String baseId, String sessionId, int year, String title, SessionMode mode,
                                LocalDate startDate, LocalDate endDate, Integer capacity, LocalDate planFiledOn,
                                int headcount, LocalDate rosterSubmittedOn, String ruleSet, List<RiskFinding> findings,
                                int weight, List<SessionInspected> inspections, String falsifiedBy) {
        public List<RiskSignal> signals() {
            return RiskSignals.signals(findings);
        }
    }

    public record BaseReport(BaseView base, List<SessionReport> sessions) {
    }

    /**
     * A base as the list of bases shows it: who and where it is, its status, and how many sessions it filed or
     * reported, of which how many an inspection found FALSIFIED.
     */
    public record BaseSummary(String baseId, String name, BaseLevel level, Jurisdiction jurisdiction, String region,
                              BaseStatus status, int sessions, int falsifiedSessions) {
    }

    /** Every base, or those of one jurisdiction, in id order. */
    public List<BaseSummary> bases(Jurisdiction jurisdiction) {
        return store.all().stream()
                .filter(b -> jurisdiction == null || b.jurisdiction == jurisdiction)
                .sorted(Comparator.comparing(b -> b.baseId))
                .map(b -> new BaseSummary(b.baseId, b.name, b.level, b.jurisdiction, b.region, b.status,
                        b.sessions.size(), (int) b.sessions.stream().filter(s -> s.falsifiedBy != null).count()))
                .toList();
    }

    public Optional<BaseReport> base(String baseId) {
        List<BaseView> all = store.all();
        Map<SessionKey, Set<String>> doubleBooked = doubleBookings(all);
        RuleSets rules = ruleSets.get();
        return all.stream().filter(b -> b.baseId.equals(baseId)).findFirst()
                .map(b -> new BaseReport(b, b.sessions.stream().map(s -> report(b, s, rules, doubleBooked)).toList()));
    }

    /** What became of a roster row's credit (API.md, "Supervisors and bases"). */
    public enum CreditStatus {
        /** Recorded on the practitioner. */
        CREDITED,
        /** The practitioner refused the award; {@code reason} says why. */
        NOT_CREDITED,
        /** Credited, then revoked: an inspection found the session falsified. */
        REVOKED,
        /** The roster-credits process has not reached the roster yet. */
        PENDING
    }

    /** One roster row and what became of its credit. */
    public record RosterRowReport(String practitionerId, BigDecimal hours, Category category, String awardId,
                                  CreditStatus credit, String reason) {
    }

    /** A session's roster as its base and supervisors read it, row by row in the order rows were accepted. */
    public record RosterReport(String baseId, String sessionId, LocalDate rosterSubmittedOn, String falsifiedBy,
                               List<RosterRowReport> rows) {
    }

    /**
     * The roster of a session, or empty for an unknown base or session.
     *
     * @param processed whether the roster-credits process has passed a global position
     */
    public Optional<RosterReport> roster(String baseId, String sessionId, LongPredicate processed) {
        return session(baseId, sessionId).map(s -> rosterOf(baseId, s, processed.test(s.processPosition)));
    }

    /** The global position past which the roster-credits process has recorded all of a session's credits. */
    public OptionalLong processPosition(String baseId, String sessionId) {
        return session(baseId, sessionId).map(s -> OptionalLong.of(s.processPosition)).orElse(OptionalLong.empty());
    }

    private Optional<BaseView.Session> session(String baseId, String sessionId) {
        return store.find(baseId).flatMap(b -> b.sessions.stream().filter(s -> s.sessionId.equals(sessionId))
                .findFirst());
    }

    private static RosterReport rosterOf(String baseId, BaseView.Session s, boolean processed) {
        Map<String, String> refused = new HashMap<>();
        s.creditRefusals.forEach(r -> refused.putIfAbsent(r.practitionerId(), r.reason()));
        List<RosterRowReport> rows = new ArrayList<>();
        for (RosterEntry e : s.roster) {
            String reason = refused.get(e.practitionerId());
            CreditStatus credit = reason != null ? CreditStatus.NOT_CREDITED
                    : !processed ? CreditStatus.PENDING
                    : s.falsifiedBy != null ? CreditStatus.REVOKED
                    : CreditStatus.CREDITED;
            rows.add(new RosterRowReport(e.practitionerId(), e.hours(), e.category(),
                    RosterCredits.awardId(s.sessionId, e.practitionerId()), credit, reason));
        }
        return new RosterReport(baseId, s.sessionId, s.rosterSubmittedOn, s.falsifiedBy, rows);
    }

    /** Sessions of a year (and jurisdiction), optionally only those showing a signal, most signals first. */
    public List<SessionReport> sessions(Integer year, Jurisdiction jurisdiction, RiskSignal signal) {
        List<BaseView> all = store.all();
        Map<SessionKey, Set<String>> doubleBooked = doubleBookings(all);
        RuleSets rules = ruleSets.get();
        List<SessionReport> reports = new ArrayList<>();
        for (BaseView b : all) {
            if (jurisdiction != null && b.jurisdiction != jurisdiction) {
                continue;
            }
            for (BaseView.Session s : b.sessions) {
                if (year != null && s.year() != year) {
                    continue;
                }
                SessionReport r = report(b, s, rules, doubleBooked);
                if (signal == null || r.signals().contains(signal)) {
                    reports.add(r);
                }
            }
        }
        reports.sort(Comparator.comparingInt(SessionReport::weight).reversed()
                .thenComparing(r -> r.baseId() + "/" + r.sessionId()));
        return reports;
    }

    /** The population of a random check: every session of the year (and jurisdiction) with its weight. */
    public List<SampleCandidate> population(int year, Jurisdiction jurisdiction) {
        return sessions(year, jurisdiction, null).stream()
                .map(r -> SampleCandidate.of(r.baseId(), r.sessionId(), r.signals())).toList();
    }

    private SessionReport report(BaseView b, BaseView.Session s, RuleSets rules,
                                 Map<SessionKey, Set<String>> doubleBooked) {
        Optional<RuleSet> ruleSet = b.jurisdiction == null ? Optional.empty() : rules.findServing(b.jurisdiction, s.year());
        FilingDeadlines deadlines = ruleSet.map(Supervision::deadlines).orElse(FilingDeadlines.NONE);
        SessionRoster roster = s.roster.isEmpty() ? null : new SessionRoster(s.roster, s.rosterSubmittedOn);
        List<RiskFinding> findings = RiskSignals.of(s.plan, roster, deadlines,
                doubleBooked.getOrDefault(new SessionKey(b.baseId, s.sessionId), Set.of()));
        var p = s.plan;
        return new SessionReport(b.baseId, s.sessionId, s.year(), p == null ? null : p.title(),
                p == null ? null : p.mode(), p == null ? null : p.startDate(), p == null ? null : p.endDate(),
                p == null ? null : p.capacity(), p == null ? null : p.filedOn(), s.roster.size(), s.rosterSubmittedOn,
                ruleSet.map(RuleSet::id).orElse(null), findings, InspectionSampler.weightOf(RiskSignals.signals(findings)),
                s.inspections, s.falsifiedBy);
    }

    private static FilingDeadlines deadlines(RuleSet r) {
        var rules = r.trainingBases();
        return new FilingDeadlines(rules.planDaysBeforeStart().value(), rules.planDaysBeforeStart().citation(),
                rules.rosterDaysAfterEnd().value(), rules.rosterDaysAfterEnd().citation());
    }

    private static Map<SessionKey, Set<String>> doubleBookings(List<BaseView> bases) {
        List<InPersonAttendance> attendance = new ArrayList<>();
        for (BaseView b : bases) {
            for (BaseView.Session s : b.sessions) {
                if (s.plan != null && s.plan.mode() == SessionMode.IN_PERSON && !s.roster.isEmpty()) {
                    Set<String> people = new HashSet<>();
                    for (RosterEntry e : s.roster) {
                        people.add(e.practitionerId());
                    }
                    attendance.add(new InPersonAttendance(new SessionKey(b.baseId, s.sessionId), s.plan.startDate(),
                            s.plan.endDate(), people));
                }
            }
        }
        return attendance.isEmpty() ? new HashMap<>() : DoubleBookings.find(attendance);
    }
}
