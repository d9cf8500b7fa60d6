package org.celedger.app.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import org.celedger.app.audit.Actor;
import org.celedger.app.consistency.ReadConsistency;
import org.celedger.app.security.ApiKey;
import org.celedger.app.security.Role;
import org.celedger.app.web.ApiException;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.rules.RecordedFact;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an auditor reads straight from the event store, so it is always exactly what was recorded:
 * the practitioner's profile and the full history of its events, every event stored before the read
 * began included (stated in the {@code Ledger-Sequence} and {@code Ledger-Position} headers).
 */
@RestController
@RequestMapping("/api/v1/practitioners")
@Tag(name = "reads")
public class PractitionerReadController {

    private final PractitionerFacts facts;
    private final Evaluations evaluations;
    private final ObjectMapper json;

    public PractitionerReadController(PractitionerFacts facts, Evaluations evaluations, ObjectMapper json) {
        this.facts = facts;
        this.evaluations = evaluations;
        this.json = json;
    }

    /**
     * One event of the history (API.md): its sequence in the practitioner's stream, type, recording instant and
     * payload, and who recorded it ({@code actor}; {@code keyId: unknown} for events recorded before actors were kept).
     */
    public record HistoryEntry(long sequence, String type, Instant recordedAt,
                               @Schema(type = "object", description = "the event, as its type records it")
                               Object payload, Actor actor) {

        /**
         * A fact with its actor as the history shows it. The payload is the event itself, written with the answer,
         * so that its personal data is masked by the caller's disclosure like any answer's.
         */
        public static HistoryEntry of(PractitionerFacts.Attributed a) {
            return new HistoryEntry(a.fact().sequence(), a.fact().event().getClass().getSimpleName(),
                    a.fact().recordedAt(), a.fact().event(), a.actor());
        }
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every event of the practitioner, in order")
    public List<HistoryEntry> history(HttpServletResponse response, @PathVariable String id) {
        PractitionerFacts.History history = facts.history(id);
        ReadConsistency.state(response, history.upTo());
        return history.facts().stream().map(a -> HistoryEntry.of(a)).toList();
    }

    /**
     * A registrar reads the profile of a practitioner of its scope (to correct it), judged on the same profile it is
     * answered, and no other; auditors and administrators read any.
     */
    @GetMapping("/{id}")
    @Operation(summary = "The practitioner's profile today: as registered, corrected, and with the transfers in effect")
    public Evaluations.Profile profile(HttpServletResponse response, @AuthenticationPrincipal ApiKey caller,
                                       @PathVariable String id) {
        PractitionerFacts.Reflected reflected = facts.recorded(id);
        List<RecordedFact> recorded = reflected.facts();
        PractitionerProfile today = evaluations.profileToday(recorded);
        if (!caller.has(Role.AUDITOR) && !caller.registrarScope().covers(today)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Not allowed for this practitioner", "practitionerId",
                    "This API key reads the practitioners of " + caller.registrarScope() + " only.");
        }
        ReadConsistency.state(response, reflected.upTo());
        return new Evaluations.Profile(id, today, recorded.get(0).recordedAt(),
                recorded.get(recorded.size() - 1).sequence());
    }
}
