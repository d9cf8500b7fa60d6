package org.celedger.app.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.celedger.app.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit}: what a key recorded, or what was recorded about a practitioner, and by whom (ADMIN, AUDITOR). */
@RestController
@Tag(name = "audit")
public class AuditController {

    private static final int MAX_LIMIT = 1_000;

    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "The recorded events with their actors, in the order stored, a bounded page at a time")
    public AuditTrail.Page audit(
            @Parameter(description = "a key's id (as shown in an actor: key-…)") @RequestParam(required = false) String actor,
            @RequestParam(required = false) String practitionerId,
            @Parameter(description = "recorded at or after (ISO-8601)") @RequestParam(required = false) Instant from,
            @Parameter(description = "recorded before (ISO-8601)") @RequestParam(required = false) Instant to,
            @Parameter(description = "the scannedThrough of the previous page") @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit) {
        if (actor == null && practitionerId == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Missing parameter", "actor",
                    "name an actor (a key's id) or a practitionerId");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Wrong parameter", "limit",
                    "limit is 1 to " + MAX_LIMIT);
        }
        if (after < 0) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Wrong parameter", "after", "after is a position from 0");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Wrong parameter", "to", "to is after from");
        }
        return trail.find(new AuditTrail.Question(actor, practitionerId, from, to, after, limit));
    }
}
