package org.celedger.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.celedger.app.consistency.ReadConsistency;
import org.celedger.app.consistency.StreamHeads;
import org.celedger.app.consistency.StreamPosition;
import org.celedger.app.consistency.WaitForPosition;
import org.celedger.app.privacy.IdNumberIndex;
import org.celedger.app.security.ApiKey;
import org.celedger.app.security.Role;
import org.celedger.app.web.ApiException;
import org.celedger.app.write.LedgerWriter;
import org.celedger.domain.Streams;
import org.celedger.domain.WriteOutcome;
import org.celedger.domain.base.BaseLevel;
import org.celedger.domain.base.BaseStatus;
import org.celedger.domain.base.ChangeBaseStatusCommand;
import org.celedger.domain.base.DrawInspectionSampleCommand;
import org.celedger.domain.base.FileSessionPlanCommand;
import org.celedger.domain.base.InspectionSampleDrawn;
import org.celedger.domain.base.RecordInspectionCommand;
import org.celedger.domain.base.RegisterBaseCommand;
import org.celedger.domain.base.RiskSignal;
import org.celedger.domain.base.RosterCsv;
import org.celedger.domain.base.RosterCsvRow;
import org.celedger.domain.base.RosterEntry;
import org.celedger.domain.base.RosterResult;
import org.celedger.domain.base.RowOutcome;
import org.celedger.domain.base.SampleDrawResult;
import org.celedger.domain.base.SessionMode;
import org.celedger.domain.base.SubmitRosterCommand;
import org.celedger.domain.base.Verdict;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.ResidentIdNumber;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.projections.supervision.BaseViewProjection;
import org.celedger.projections.supervision.RosterCreditsProcess;
import org.celedger.projections.supervision.Supervision;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Training bases and supervision (API.md "Supervisors and bases", RULES.md §8): registration and
 * status by supervisors; plans and rosters by the base's own integrator key; risk signals, random
 * checks that anyone can re-draw, and inspections whose FALSIFIED verdict revokes the session's credits.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "bases and supervision")
public class BaseController {

    private final LedgerWriter writer;
    private final Supervision supervision;
    private final EventStore events;
    private final StreamHeads positions;
    private final ReadConsistency consistency;
    private final Duration processWait;
    private final IdNumberIndex idNumbers;

    public BaseController(LedgerWriter writer, Supervision supervision, EventStore events,
                          StreamHeads positions, ReadConsistency consistency, IdNumberIndex idNumbers,
                          @Value("${ledger.consistency.process-wait:30s}") Duration processWait) {
        this.idNumbers = idNumbers;
        this.positions = positions;
        this.consistency = consistency;
        this.processWait = processWait;
        this.writer = writer;
        this.supervision = supervision;
        this.events = events;
    }

    public record BaseRegistration(String baseId, String name, BaseLevel level, Jurisdiction jurisdiction,
                                   String region) {
    }

    public record StatusChange(String changeId, BaseStatus status, String reason) {
    }

    public record SessionPlan(String sessionId, String title, Category category, SessionMode mode, LocalDate startDate,
                              LocalDate endDate, String location, Integer capacity) {
    }

    public record RosterRowRequest(String practitionerId, String name, BigDecimal hours, Category category) {
    }

    public record Roster(List<RosterRowRequest> entries) {
    }

    public record Inspection(String inspectionId, String inspector, LocalDate date, Integer observedHeadcount,
                             BigDecimal observedHours, Verdict verdict, String notes) {
    }

    public record SampleRequest(Integer year, Integer size, String seed, Jurisdiction jurisdiction) {
    }

    public enum RowResult { ACCEPTED, DUPLICATE, CONFLICT, INVALID, NOT_FOUND }

    /**
     * One roster row's result; {@code row} is the CSV row number (header = 1) or the JSON entry's position
     * from 1. For an ACCEPTED or DUPLICATE row whose credit is recorded, {@code sequence} and {@code position}
     * are where the practitioner's stream stands with it (a read of the practitioner includes it).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RosterRow(int row, String practitionerId, RowResult status, String field, String message,
                            Long sequence, Long position) {

        RosterRow located(StreamPosition at) {
            return at == null ? this : new RosterRow(row, practitionerId, status, field, message, at.sequence(),
                    at.position());
        }
    }

    /**
     * {@code position}: the base's stream with the roster recorded. {@code creditsRecorded}: every credit
     * the roster's rows make is recorded on its practitioner (the roster-credits process ran within the
     * bounded wait); when false they follow shortly, and a view read waiting for {@code position} of a
     * later answer includes them.
     */
    public record RosterAnswer(String baseId, String sessionId, int accepted, int duplicate, int rejected,
                               List<RosterRow> rows, long sequence, long position, boolean creditsRecorded) {
    }

    /** The answer to an inspection; {@code revocationsRecorded} (FALSIFIED only): the session's credits are revoked. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InspectionReceipt(WriteOutcome status, String type, String id, String factId, long sequence,
                                    long position, Boolean revocationsRecorded) {
    }

    /** A drawn sample, and where its stream stands with it ({@code sequence}, {@code position}). */
    public record SampleAnswer(WriteOutcome status, InspectionSampleDrawn sample, long sequence, long position) {
    }

    @PostMapping("/bases")
    @Operation(summary = "Register a training base (SUPERVISOR)")
    public ResponseEntity<WriteReceipt> register(@AuthenticationPrincipal ApiKey caller, @RequestBody BaseRegistration b) {
        return receipt(writer.record(caller, new RegisterBaseCommand(b.baseId(), b.name(), b.level(), b.jurisdiction(),
                b.region())), "base", b.baseId(), b.baseId());
    }

    @PostMapping("/bases/{baseId}/status-changes")
    @Operation(summary = "Warn, suspend, withdraw or reinstate a base, with a reason (SUPERVISOR)")
    public ResponseEntity<WriteReceipt> status(@AuthenticationPrincipal ApiKey caller, @PathVariable String baseId,
                                               @RequestBody StatusChange c) {
        return receipt(writer.record(caller, new ChangeBaseStatusCommand(baseId, c.changeId(), c.status(), c.reason())),
                "base-status", baseId, c.changeId());
    }

    @PostMapping("/bases/{baseId}/sessions")
    @Operation(summary = "File a session plan (培训计划备案); the filing instant is recorded")
    public ResponseEntity<WriteReceipt> plan(@AuthenticationPrincipal ApiKey caller, @PathVariable String baseId,
                                             @RequestBody SessionPlan p) {
        ownBase(caller, baseId);
        return receipt(writer.record(caller, new FileSessionPlanCommand(baseId, p.sessionId(), p.title(), p.category(),
                p.mode(), p.startDate(), p.endDate(), p.location(), p.capacity())), "session-plan", baseId, p.sessionId());
    }

    @PostMapping(path = "/bases/{baseId}/sessions/{sessionId}/roster", consumes = "application/json")
    @Operation(summary = "Submit a roster (培训花名册) as JSON; every accepted row becomes a credit awardId sessionId/practitionerId")
    public RosterAnswer roster(@AuthenticationPrincipal ApiKey caller, @PathVariable String baseId,
                               @PathVariable String sessionId, @RequestBody Roster roster) {
        ownBase(caller, baseId);
        if (roster.entries() == null || roster.entries().isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Empty roster", "entries", "entries lists the participants");
        }
        List<RosterCsvRow> rows = new ArrayList<>();
        for (int i = 0; i < roster.entries().size(); i++) {
            RosterRowRequest r = roster.entries().get(i);
            rows.add(r == null ? new RosterCsvRow(i + 1, null, "entries", "empty entry")
                    : new RosterCsvRow(i + 1, new RosterEntry(r.practitionerId(), r.name(), r.hours(), r.category()), null, null));
        }
        return submit(caller, baseId, sessionId, rows);
    }

    @PostMapping(path = "/bases/{baseId}/sessions/{sessionId}/roster", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Submit a roster as CSV in the 花名册 layout (序号,姓名,性别,身份证号 or practitionerId,单位,学时,科目类别), UTF-8 or GBK; a 身份证号 finds the practitioner registered with that number")
    public RosterAnswer rosterCsv(@AuthenticationPrincipal ApiKey caller, @PathVariable String baseId,
                                  @PathVariable String sessionId, @RequestBody byte[] csv) {
        ownBase(caller, baseId);
        // A 身份证号 column is read through the ID-number index: the number never becomes an id.
        return submit(caller, baseId, sessionId, RosterCsv.parse(csv, idNumbers::practitionerOf));
    }

    /**
     * Checks each row, then records the valid rows of known practitioners on the session. A row naming a
     * practitioner the ledger does not know is refused here, not left to fail later when it is credited.
     */
    private RosterAnswer submit(ApiKey caller, String baseId, String sessionId, List<RosterCsvRow> parsed) {
        List<RosterRow> answer = new ArrayList<>();
        List<RosterEntry> submitted = new ArrayList<>();
        List<Integer> submittedRows = new ArrayList<>();
        for (RosterCsvRow row : parsed) {
            if (!row.valid()) {
                answer.add(new RosterRow(row.rowNumber(), row.entry() == null ? null : row.entry().practitionerId(),
                        RowResult.INVALID, row.field(), row.message(), null, null));
            } else if (!caller.readsPractitioners()
                    && ResidentIdNumber.isValid(ResidentIdNumber.normalised(row.entry().practitionerId()))) {
                // As for any write (LedgerWriter): a number is no id, whether someone is registered with it or not.
                answer.add(new RosterRow(row.rowNumber(), null, RowResult.INVALID, "practitionerId", "row "
                        + row.rowNumber() + ": a resident ID number is no practitioner id; name it in a 身份证号 column",
                        null, null));
            } else if (row.entry().practitionerId() != null && !row.entry().practitionerId().isBlank()
                    && events.lastSequenceNumberFor(row.entry().practitionerId()).isEmpty()) {
                answer.add(new RosterRow(row.rowNumber(), row.entry().practitionerId(), RowResult.NOT_FOUND,
                        "practitionerId", "No practitioner " + row.entry().practitionerId() + " is registered.",
                        null, null));
            } else {
                submitted.add(row.entry());
                submittedRows.add(row.rowNumber());
            }
        }
        if (!submitted.isEmpty()) {
            RosterResult result = writer.send(caller, new SubmitRosterCommand(baseId, sessionId, submitted));
            for (RowOutcome o : result.rows()) {
                answer.add(new RosterRow(submittedRows.get(o.index()), o.practitionerId(),
                        RowResult.valueOf(o.status().name()), o.field(), o.message(), null, null));
            }
        }
        answer.sort(java.util.Comparator.comparingInt(RosterRow::row));
        StreamPosition base = positions.lastOf(Streams.ofBase(baseId)).orElse(new StreamPosition(-1, 0));
        // The credits are the roster-credits process's to record (it also does so after a crash); the
        // answer waits for it, so that a read of a practitioner right after it includes the credit.
        boolean creditsRecorded = submitted.isEmpty() || consistency.await(RosterCreditsProcess.PROCESSOR,
                base.position(), processWait).isPresent();
        if (creditsRecorded) {
            Map<String, StreamPosition> practitioners = positions.lastOf(answer.stream()
                    .filter(r -> r.status() == RowResult.ACCEPTED || r.status() == RowResult.DUPLICATE)
                    .map(RosterRow::practitionerId).toList());
            answer.replaceAll(r -> r.status() == RowResult.ACCEPTED || r.status() == RowResult.DUPLICATE
                    ? r.located(practitioners.get(r.practitionerId())) : r);
        }
        int accepted = (int) answer.stream().filter(r -> r.status() == RowResult.ACCEPTED).count();
        int duplicate = (int) answer.stream().filter(r -> r.status() == RowResult.DUPLICATE).count();
        return new RosterAnswer(baseId, sessionId, accepted, duplicate, answer.size() - accepted - duplicate, answer,
                base.sequence(), base.position(), creditsRecorded);
    }

    /**
     * A session's roster, each row with what became of its credit, consistent with every write to the base
     * acknowledged before the read: PENDING while the roster-credits process has not reached it (the
     * answer never waits for it), NOT_CREDITED with the practitioner's reason.
     */
    @GetMapping("/bases/{baseId}/sessions/{sessionId}/roster")
    @Operation(summary = "A session's roster, each row with its credit: CREDITED, NOT_CREDITED (and why), REVOKED or PENDING")
    public Supervision.RosterReport rosterRead(@AuthenticationPrincipal ApiKey caller, HttpServletResponse response,
                                               @PathVariable String baseId, @PathVariable String sessionId) {
        if (!caller.has(Role.SUPERVISOR) && !caller.has(Role.AUDITOR)) {
            ownBase(caller, baseId);
        }
        StreamPosition head = positions.lastOf(Streams.ofBase(baseId)).orElseThrow(() -> unknownBase(baseId));
        consistency.awaitView(BaseViewProjection.PROCESSOR, head.position());
        long processFrom = supervision.processPosition(baseId, sessionId).orElseThrow(() -> unknownSession(baseId,
                sessionId));
        boolean processed = consistency.await(RosterCreditsProcess.PROCESSOR, processFrom, Duration.ZERO).isPresent();
        // The process records a refusal on the base before it passes the roster, so once it has passed it, the
        // refusals are in the base's stream: when the stream has grown since, the view must reach it too.
        StreamPosition reflected = positions.lastOf(Streams.ofBase(baseId)).orElseThrow();
        if (reflected.position() > head.position()) {
            consistency.awaitView(BaseViewProjection.PROCESSOR, reflected.position());
        }
        ReadConsistency.state(response, reflected);
        return supervision.roster(baseId, sessionId, position -> position <= processFrom ? processed
                : consistency.await(RosterCreditsProcess.PROCESSOR, position, Duration.ZERO).isPresent())
                .orElseThrow(() -> unknownSession(baseId, sessionId));
    }

    private static ApiException unknownSession(String baseId, String sessionId) {
        return new ApiException(HttpStatus.NOT_FOUND, "Unknown session", "sessionId",
                "Base " + baseId + " has no session " + sessionId + ".");
    }

    private static ApiException unknownBase(String baseId) {
        return new ApiException(HttpStatus.NOT_FOUND, "Unknown base", "baseId",
                "No training base " + baseId + " is registered.");
    }

    @GetMapping("/bases/{baseId}")
    @Operation(summary = "A base with its sessions, their risk signals and inspections")
    @WaitForPosition
    public Supervision.BaseReport base(HttpServletRequest request, HttpServletResponse response,
                                       @PathVariable String baseId) {
        consistency.awaitView(BaseViewProjection.PROCESSOR, request, response);
        return supervision.base(baseId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Unknown base",
                "baseId", "No training base " + baseId + " is registered (or it is not projected yet)."));
    }

    @GetMapping("/bases")
    @Operation(summary = "The training bases, or those of one jurisdiction: status, sessions, sessions found FALSIFIED")
    @WaitForPosition
    public List<Supervision.BaseSummary> bases(HttpServletRequest request, HttpServletResponse response,
                                               @RequestParam(required = false) Jurisdiction jurisdiction) {
        consistency.awaitView(BaseViewProjection.PROCESSOR, request, response);
        return supervision.bases(jurisdiction);
    }

    @GetMapping("/supervision/sessions")
    @Operation(summary = "Sessions of a year by risk signal, most signals first")
    @WaitForPosition
    public List<Supervision.SessionReport> sessions(HttpServletRequest request, HttpServletResponse response,
                                                    @RequestParam(required = false) Integer year,
                                                    @RequestParam(required = false) Jurisdiction jurisdiction,
                                                    @RequestParam(required = false) RiskSignal signal) {
        consistency.awaitView(BaseViewProjection.PROCESSOR, request, response);
        return supervision.sessions(year, jurisdiction, signal);
    }

    @PostMapping("/inspection-samples")
    @Operation(summary = "Draw a random check: a weighted sample of a year's sessions, reproducible from its seed")
    @WaitForPosition
    public ResponseEntity<SampleAnswer> sample(@AuthenticationPrincipal ApiKey caller, HttpServletRequest request,
                                               HttpServletResponse response, @RequestBody SampleRequest r) {
        if (r.year() == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid sample", "year", "year is required");
        }
        if (r.size() == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid sample", "size", "size is required");
        }
        if (r.seed() == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid sample", "seed", "seed is required");
        }
        // The population is drawn from the supervision view: as consistent as the caller asks it to be.
        consistency.awaitView(BaseViewProjection.PROCESSOR, request, response);
        var command = DrawInspectionSampleCommand.of(r.year(), r.size(), r.seed(), r.jurisdiction(),
                supervision.population(r.year(), r.jurisdiction()));
        SampleDrawResult drawn = writer.send(caller, command);
        StreamPosition at = positions.lastOf(LedgerWriter.aggregateOf(command)).orElseThrow();
        return ResponseEntity.status(drawn.outcome() == WriteOutcome.ACCEPTED ? HttpStatus.CREATED : HttpStatus.OK)
                .header(ReadConsistency.SEQUENCE_HEADER, String.valueOf(at.sequence()))
                .header(ReadConsistency.POSITION_HEADER, String.valueOf(at.position()))
                .body(new SampleAnswer(drawn.outcome(), drawn.sample(), at.sequence(), at.position()));
    }

    @PostMapping("/bases/{baseId}/sessions/{sessionId}/inspections")
    @Operation(summary = "Record an inspection; FALSIFIED revokes every credit the session produced")
    public ResponseEntity<InspectionReceipt> inspect(@AuthenticationPrincipal ApiKey caller, @PathVariable String baseId,
                                                     @PathVariable String sessionId, @RequestBody Inspection i) {
        var recorded = writer.record(caller, new RecordInspectionCommand(baseId, sessionId, i.inspectionId(),
                i.inspector(), i.date(), i.observedHeadcount(), i.observedHours(), i.verdict(), i.notes()));
        StreamPosition at = recorded.position();
        // A FALSIFIED verdict's revocations are the roster-credits process's; the answer waits for them, so
        // that a read of the session's practitioners right after it no longer counts the credits.
        Boolean revocationsRecorded = i.verdict() != Verdict.FALSIFIED ? null
                : consistency.await(RosterCreditsProcess.PROCESSOR, at.position(), processWait).isPresent();
        return ResponseEntity.status(recorded.outcome() == WriteOutcome.ACCEPTED ? HttpStatus.CREATED : HttpStatus.OK)
                .header(ReadConsistency.SEQUENCE_HEADER, String.valueOf(at.sequence()))
                .header(ReadConsistency.POSITION_HEADER, String.valueOf(at.position()))
                .body(new InspectionReceipt(recorded.outcome(), "inspection", baseId, i.inspectionId(), at.sequence(),
                        at.position(), revocationsRecorded));
    }

    private static void ownBase(ApiKey caller, String baseId) {
        if (!caller.mayFileFor(baseId)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Not allowed for this base", "baseId",
                    "This API key may not file for base " + baseId + ".");
        }
    }

    private static ResponseEntity<WriteReceipt> receipt(LedgerWriter.Recorded recorded, String type, String id,
                                                        String factId) {
        return WriteReceipt.of(recorded, type, id, factId).response();
    }
}
