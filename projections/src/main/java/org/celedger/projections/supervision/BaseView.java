package org.celedger.projections.supervision;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.celedger.domain.base.BaseLevel;
import org.celedger.domain.base.BaseStatus;
import org.celedger.domain.base.RosterEntry;
import org.celedger.domain.base.SessionInspected;
import org.celedger.domain.base.SessionPlanFiled;
import org.celedger.domain.practitioner.Jurisdiction;

/**
 * The supervision read model of one training base: its registration and status history, and each
 * session with its plan (and the instant it was filed), its roster, its inspections and whether an
 * inspection found it falsified. Risk signals are not stored: they are computed when read, by the
 * rule set serving the session's year, since they depend on other bases' sessions too.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class BaseView {

    public String baseId;
    public long lastSequence = -1;
    public String name;
    public BaseLevel level;
    public Jurisdiction jurisdiction;
    public String region;
    public BaseStatus status = BaseStatus.ACTIVE;
    public List<StatusChange> statusHistory = new ArrayList<>();
    public List<Session> sessions = new ArrayList<>();

    public record StatusChange(String changeId, BaseStatus from, BaseStatus to, String reason, Instant at) {
    }

    /** A roster row that did not become its credit, and why. */
    public record CreditRefusal(String practitionerId, String awardId, String reason, Instant at) {
    }

    /** One session as the base filed and reported it. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    public static final class Session {
        public String sessionId;
        public SessionPlanFiled plan;
        public Instant planFiledAt;
        public List<RosterEntry> roster = new ArrayList<>();
        public LocalDate rosterSubmittedOn;
        public LocalDate completedOn;
        public List<SessionInspected> inspections = new ArrayList<>();
        public String falsifiedBy;
        /**
         * The global position of the session's last roster or FALSIFIED verdict: once the roster-credits
         * process has passed it, every credit (or refusal) and revocation of the session is recorded.
         */
        public long processPosition = -1;
        /** Roster rows whose credit the practitioner refused (the roster-credits process recorded why). */
        public List<CreditRefusal> creditRefusals = new ArrayList<>();

        /** The year the session belongs to: the year it started, or (with no plan) the year it was completed. */
        public int year() {
            return plan != null ? plan.startDate().getYear() : completedOn.getYear();
        }
    }

    /** Forgets the name {@code practitionerId}'s roster rows hold (their personal data was erased); true if any did. */
    public boolean forgetNameOf(String practitionerId) {
        boolean changed = false;
        for (Session s : sessions) {
            for (int i = 0; i < s.roster.size(); i++) {
                RosterEntry e = s.roster.get(i);
                if (e.practitionerId().equals(practitionerId) && e.name() != null) {
                    s.roster.set(i, new RosterEntry(e.practitionerId(), null, e.hours(), e.category()));
                    changed = true;
                }
            }
        }
        return changed;
    }

    public Session session(String sessionId) {
        for (Session s : sessions) {
            if (s.sessionId.equals(sessionId)) {
                return s;
            }
        }
        Session s = new Session();
        s.sessionId = sessionId;
        sessions.add(s);
        return s;
    }
}
