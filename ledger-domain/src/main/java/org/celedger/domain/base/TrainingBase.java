package org.celedger.domain.base;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.celedger.domain.FactChecks.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.celedger.domain.Streams;
import org.celedger.domain.IdConflictException;
import org.celedger.domain.InvalidFactException;
import org.celedger.domain.StateConflictException;
import org.celedger.domain.UnknownFactException;
import org.celedger.domain.WriteOutcome;

/**
 * A continuing-education base (继续教育基地) under supervision (RULES.md §8): its accreditation and status,
 * the plans it files for its sessions, the rosters it reports, and the inspections of those sessions.
 *
 * <p>Like the practitioner, it decides only whether a fact may be recorded; whether a plan came in time or
 * a roster looks implausible is judged by {@link RiskSignals} under the rule set serving the session's year,
 * because the deadlines differ between rule sets ({@code IM-2017 二(七)2} "before start",
 * {@code IM-2022 四(二)}, {@code IM-2025 一(六)1} two weeks). Every write carries its own id (base, change,
 * session, practitioner on a roster, inspection) as its idempotency key: the same fact again is a
 * {@link WriteOutcome#DUPLICATE} and appends nothing. A retry is answered as a retry whatever happened since,
 * so status checks apply only to what a command would newly record.
 *
 * <p>The aggregate carries no {@code @Aggregate} annotation: that is Spring's; the application registers it.
 */
public class TrainingBase {

    /** Largest planned headcount: a typo guard, online sessions included. */
    static final int MAX_CAPACITY = 100_000;
    /** Longest session: a year. */
    static final int MAX_SESSION_DAYS = 366;
    /** Rows in one roster submission; a larger roster is reported in parts. */
    static final int MAX_ROSTER_ENTRIES = 5_000;

    /** The base's stream ({@link Streams#ofBase}); the base's own id is {@link #baseId}. */
    @AggregateIdentifier
    private String stream;
    private String baseId;
    private BaseRegistered registration;
    private BaseStatus status;
    private final Map<String, BaseStatusChanged> statusChanges = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();

    protected TrainingBase() {
        // for Axon: rebuilt from events
    }

    // ---------------------------------------------------------------- accreditation and status

    /** Registers the base, or finds the same registration already recorded (a retry). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public WriteOutcome handle(RegisterBaseCommand command) {
        var event = new BaseRegistered(id("baseId", command.baseId()), text("name", command.name()),
                present("level", command.level()), present("jurisdiction", command.jurisdiction()),
                text("region", command.region()));
        if (registration == null) {
            apply(event);
            return WriteOutcome.ACCEPTED;
        }
        if (registration.equals(event)) {
            return WriteOutcome.DUPLICATE;
        }
        throw new IdConflictException("baseId", "base " + command.baseId() + " is already registered as "
                + registration.name() + " (" + registration.level() + ", " + registration.region() + ")");
    }

    /** Warns, suspends, withdraws or reinstates the base; any status may follow any other except itself. */
    @CommandHandler
    public WriteOutcome handle(ChangeBaseStatusCommand command) {
        id("changeId", command.changeId());
        BaseStatus to = present("status", command.status());
        String reason = reason("reason", command.reason());
        BaseStatusChanged earlier = statusChanges.get(command.changeId());
        if (earlier != null) {
            // A retry is compared on what it asks, not on the status it left: that changed when it was applied.
            if (earlier.to() == to && earlier.reason().equals(reason)) {
                return WriteOutcome.DUPLICATE;
            }
            throw idUsed("changeId", command.changeId());
        }
        if (to == status) {
            throw new StateConflictException("status", "base " + baseId + " is already " + status);
        }
        apply(new BaseStatusChanged(baseId, command.changeId(), status, to, reason));
        return WriteOutcome.ACCEPTED;
    }

    // ---------------------------------------------------------------- plans

    /**
     * Files a session's plan, dated today (Asia/Shanghai). A session first known from its roster may still
     * have its plan filed: late, which {@link RiskSignals} will show.
     */
    @CommandHandler
    public WriteOutcome handle(FileSessionPlanCommand command) {
        String sessionId = id("sessionId", command.sessionId());
        LocalDate start = present("startDate", command.startDate());
        that(!start.isBefore(LocalDate.of(EARLIEST_YEAR, 1, 1)), "startDate", "startDate is before " + EARLIEST_YEAR);
        that(start.getYear() <= today().getYear() + 1, "startDate",
                "startDate " + start + " is too far ahead: plans are filed for this year or the next");
        LocalDate end = present("endDate", command.endDate());
        that(!end.isBefore(start), "endDate", "endDate " + end + " is before startDate " + start);
        that(end.toEpochDay() - start.toEpochDay() < MAX_SESSION_DAYS, "endDate",
                "a session of more than " + MAX_SESSION_DAYS + " days is implausible");
        Integer capacity = present("capacity", command.capacity());
        that(capacity >= 1 && capacity <= MAX_CAPACITY, "capacity",
                "capacity must be between 1 and " + MAX_CAPACITY + ", not " + capacity);
        var event = new SessionPlanFiled(baseId, sessionId, text("title", command.title()),
                present("category", command.category()), present("mode", command.mode()), start, end,
                text("location", command.location()), capacity, today());

        Session session = sessions.get(sessionId);
        SessionPlanFiled earlier = session == null ? null : session.plan;
        if (earlier != null) {
            // The filing date is when it was first filed; a retry on a later day is still the same plan.
            if (earlier.equals(new SessionPlanFiled(baseId, sessionId, event.title(), event.category(), event.mode(),
                    start, end, event.location(), capacity, earlier.filedOn()))) {
                return WriteOutcome.DUPLICATE;
            }
            throw idUsed("sessionId", sessionId);
        }
        if (!status.mayFilePlans()) {
            throw new StateConflictException("baseId", "base " + baseId + " is " + status + " and files no plans");
        }
        apply(event);
        return WriteOutcome.ACCEPTED;
    }

    // ---------------------------------------------------------------- rosters

    /**
     * Adds rows to a session's roster, judging each row on its own (see {@link RowStatus}). A roster for a
     * session without a filed plan creates the session (PLAN_MISSING shows it). The command is refused as a
     * whole only when it has no entries, or when it would record something although the base is withdrawn,
     * the session was found falsified, or its filed plan has not ended yet (a roster reports a session held,
     * RULES.md §8 "roster / report after end").
     */
    @CommandHandler
    public RosterResult handle(SubmitRosterCommand command) {
        String sessionId = id("sessionId", command.sessionId());
        List<RosterEntry> entries = present("entries", command.entries());
        that(!entries.isEmpty(), "entries", "entries must name at least one practitioner");
        that(entries.size() <= MAX_ROSTER_ENTRIES, "entries",
                "a roster submission holds at most " + MAX_ROSTER_ENTRIES + " entries; report it in parts");

        Session session = sessions.get(sessionId);
        Map<String, RosterEntry> known = new LinkedHashMap<>(session == null ? Map.of() : session.roster);
        List<RosterEntry> accepted = new ArrayList<>();
        List<RowOutcome> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            rows.add(judge(i, entries.get(i), known, accepted));
        }
        boolean recordsNothing = accepted.isEmpty()
                && rows.stream().allMatch(r -> r.status() == RowStatus.DUPLICATE);
        if (!recordsNothing) {
            refuseRosterIfClosed(sessionId, session);
        }
        if (!accepted.isEmpty()) {
            LocalDate today = today();
            LocalDate completedOn = session == null || session.plan == null ? today : session.plan.endDate();
            apply(new RosterSubmitted(baseId, sessionId, List.copyOf(accepted), today, completedOn));
        }
        return new RosterResult(rows);
    }

    /** One row against the roster so far (including rows accepted earlier in the same command). */
    private static RowOutcome judge(int index, RosterEntry raw, Map<String, RosterEntry> known,
                                    List<RosterEntry> accepted) {
        String practitionerId = raw == null ? null : raw.practitionerId();
        RosterEntry entry;
        try {
            entry = RosterEntries.checked(raw);
        } catch (InvalidFactException e) {
            return RowOutcome.invalid(index, practitionerId, e.field(), e.getMessage());
        }
        RosterEntry earlier = known.get(practitionerId);
        if (earlier == null) {
            known.put(practitionerId, entry);
            accepted.add(entry);
            return RowOutcome.accepted(index, practitionerId);
        }
        if (earlier.sameCreditAs(entry)) {
            return RowOutcome.duplicate(index, practitionerId);
        }
        String field = earlier.category() != entry.category() ? "category" : "hours";
        return RowOutcome.conflict(index, practitionerId, field, "practitioner " + practitionerId
                + " is already on the roster with " + earlier.hours().toPlainString() + " h " + earlier.category());
    }

    /**
     * Records that a roster row's credit was refused by its practitioner, once per row: the same row again
     * is a DUPLICATE whatever the reason, since the first refusal is what happened. Only a row on the
     * session's roster can be refused.
     */
    @CommandHandler
    public WriteOutcome handle(RecordRosterCreditRefusalCommand command) {
        String sessionId = present("sessionId", command.sessionId());
        String practitionerId = present("practitionerId", command.practitionerId());
        Session session = sessions.get(sessionId);
        if (session == null || !session.roster.containsKey(practitionerId)) {
            throw new UnknownFactException("practitionerId", "practitioner " + practitionerId
                    + " is not on the roster of session " + sessionId + " of base " + baseId);
        }
        if (session.creditRefusals.containsKey(practitionerId)) {
            return WriteOutcome.DUPLICATE;
        }
        apply(new RosterCreditRefused(baseId, sessionId, practitionerId,
                RosterCredits.awardId(sessionId, practitionerId), reason("reason", command.reason())));
        return WriteOutcome.ACCEPTED;
    }

    private void refuseRosterIfClosed(String sessionId, Session session) {
        if (!status.mayReportRosters()) {
            throw new StateConflictException("baseId", "base " + baseId + " is " + status + " and reports no rosters");
        }
        if (session == null) {
            return;
        }
        if (session.falsifiedBy != null) {
            throw new StateConflictException("sessionId", "session " + sessionId
                    + " was found falsified by inspection " + session.falsifiedBy + " and takes no roster");
        }
        if (session.plan != null && session.plan.endDate().isAfter(today())) {
            throw new StateConflictException("sessionId", "session " + sessionId + " ends on "
                    + session.plan.endDate() + ": its roster is reported after it ends");
        }
    }

    /** Answers whether the base has filed or reported the session; refuses the field naming it if not. */
    @CommandHandler
    public boolean handle(ConfirmSessionCommand command) {
        String sessionId = present("sessionId", command.sessionId());
        if (!sessions.containsKey(sessionId)) {
            throw new InvalidFactException("sessionId", "base " + baseId + " has no session " + sessionId
                    + ": a credit names a session its base filed or reported");
        }
        return true;
    }

    // ---------------------------------------------------------------- inspections

    /**
     * Records an inspection of a known session. The first FALSIFIED verdict on a session also applies
     * {@link SessionFalsified}, naming every practitioner on its roster.
     */
    @CommandHandler
    public WriteOutcome handle(RecordInspectionCommand command) {
        String sessionId = present("sessionId", command.sessionId());
        Session session = sessions.get(sessionId);
        if (session == null) {
            throw new UnknownFactException("sessionId", "base " + baseId + " has no session " + sessionId);
        }
        id("inspectionId", command.inspectionId());
        Integer headcount = command.observedHeadcount();
        that(headcount == null || (headcount >= 0 && headcount <= MAX_CAPACITY), "observedHeadcount",
                "observedHeadcount must be between 0 and " + MAX_CAPACITY + ", not " + headcount);
        BigDecimal hours = command.observedHours() == null ? null
                : oneDecimal("observedHours", command.observedHours(), false, MAX_HOURS);
        Verdict verdict = present("verdict", command.verdict());
        String notes = verdict == Verdict.FALSIFIED ? reason("notes", command.notes())
                : optionalReason("notes", command.notes());
        var event = new SessionInspected(baseId, sessionId, command.inspectionId(),
                text("inspector", command.inspector()), pastDate("date", command.date()), headcount, hours, verdict,
                notes);

        SessionInspected earlier = session.inspections.get(command.inspectionId());
        if (earlier != null) {
            if (earlier.equals(event)) {
                return WriteOutcome.DUPLICATE;
            }
            throw idUsed("inspectionId", command.inspectionId());
        }
        apply(event);
        if (verdict == Verdict.FALSIFIED && session.falsifiedBy == null) {
            apply(new SessionFalsified(baseId, sessionId, command.inspectionId(), session.practitionerIds(), notes));
        }
        return WriteOutcome.ACCEPTED;
    }

    private static IdConflictException idUsed(String field, String id) {
        return new IdConflictException(field, field + " " + id + " was already used for a different fact");
    }

    // ---------------------------------------------------------------- state, only from events

    @EventSourcingHandler
    void on(BaseRegistered event) {
        baseId = event.baseId();
        stream = Streams.ofBase(event.baseId());
        registration = event;
        status = BaseStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(BaseStatusChanged event) {
        statusChanges.put(event.changeId(), event);
        status = event.to();
    }

    @EventSourcingHandler
    void on(SessionPlanFiled event) {
        session(event.sessionId()).plan = event;
    }

    @EventSourcingHandler
    void on(RosterSubmitted event) {
        Session session = session(event.sessionId());
        event.newEntries().forEach(e -> session.roster.put(e.practitionerId(), e));
    }

    @EventSourcingHandler
    void on(RosterCreditRefused event) {
        session(event.sessionId()).creditRefusals.put(event.practitionerId(), event.reason());
    }

    @EventSourcingHandler
    void on(SessionInspected event) {
        session(event.sessionId()).inspections.put(event.inspectionId(), event);
    }

    @EventSourcingHandler
    void on(SessionFalsified event) {
        Session session = session(event.sessionId());
        session.falsifiedBy = Objects.requireNonNullElse(session.falsifiedBy, event.inspectionId());
    }

    private Session session(String sessionId) {
        return sessions.computeIfAbsent(sessionId, id -> new Session());
    }
}
