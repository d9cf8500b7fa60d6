package org.celedger.app.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.celedger.app.consistency.ReadConsistency;
import org.celedger.app.read.Evaluations;
import org.celedger.app.read.Evaluations.Profile;
import org.celedger.app.read.PractitionerFacts;
import org.celedger.app.read.PractitionerReadController.HistoryEntry;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.YearTotals;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's copy (PIPL art. 45): everything the ledger holds about one practitioner, as JSON: the profile,
 * every fact with who recorded it, the yearly totals and decisions made of them, and the log of who read
 * their data (this read included, logged before it runs).
 */
@RestController
@Tag(name = "personal data")
public class PersonalDataExportController {

    /** Access-log entries an export holds at most; {@code accessLogComplete} says whether that was all. */
    static final int MAX_ACCESS_ENTRIES = 100_000;

    private final PractitionerFacts facts;
    private final AccessLog accessLog;
    private final Evaluations evaluations;
    private final ObjectMapper json;
    private final Clock clock;

    public PersonalDataExportController(PractitionerFacts facts, Evaluations evaluations, AccessLog accessLog,
                                        ObjectMapper json, Clock businessClock) {
        this.facts = facts;
        this.evaluations = evaluations;
        this.accessLog = accessLog;
        this.json = json;
        this.clock = businessClock;
    }

    public record PersonalDataExport(String practitionerId, Instant exportedAt, Profile profile, List<HistoryEntry> facts,
                                     List<YearTotals> years, List<AccessLog.Entry> accessLog,
                                     boolean accessLogComplete) {
    }

    @GetMapping("/api/v1/practitioners/{id}/personal-data-export")
    @Operation(summary = "Everything held about a practitioner (PIPL art. 45): profile, facts, yearly totals, and who read them")
    public PersonalDataExport export(HttpServletResponse response, @PathVariable String id) {
        PractitionerFacts.History history = facts.history(id);
        ReadConsistency.state(response, history.upTo());
        List<RecordedFact> recorded = history.facts().stream().map(PractitionerFacts.Attributed::fact).toList();
        Profile profile = new Profile(id, evaluations.profileToday(recorded), recorded.get(0).recordedAt(),
                history.upTo().sequence());
        List<HistoryEntry> entries = history.facts().stream().map(a -> HistoryEntry.of(a)).toList();
        List<AccessLog.Entry> reads = new ArrayList<>();
        AccessLog.Page page = accessLog.find(id, null, 0, AccessLog.MAX_PAGE);
        reads.addAll(page.entries());
        while (!page.complete() && reads.size() < MAX_ACCESS_ENTRIES) {
            page = accessLog.find(id, null, page.last(), AccessLog.MAX_PAGE);
            reads.addAll(page.entries());
        }
        return new PersonalDataExport(id, Instant.now(clock), profile, entries,
                evaluations.years(recorded, null), reads, page.complete());
    }
}
