package org.celedger.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.celedger.app.api.WriteRequests.*;
import org.celedger.app.security.ApiKey;
import org.celedger.app.write.LedgerWriter;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.celedger.domain.practitioner.ErasePersonalDataCommand;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The single writes of API.md. Each names its own id, the idempotency key: the same write again
 * answers 200 DUPLICATE, the same id with other content 409. An award id holding '/' (roster
 * awards are {@code sessionId/practitionerId}) is sent percent-encoded in a path: {@code %2F}.
 */
@RestController
@RequestMapping("/api/v1/practitioners")
@Tag(name = "writes", description = "facts about practitioners, posted by integrators")
public class PractitionerWriteController {

    private final LedgerWriter writer;

    public PractitionerWriteController(LedgerWriter writer) {
        this.writer = writer;
    }

    @PostMapping
    @Operation(summary = "Register a practitioner (PractitionerRegistered)")
    public ResponseEntity<WriteReceipt> register(@AuthenticationPrincipal ApiKey caller, @RequestBody Registration body) {
        return write(caller, WriteKind.PRACTITIONER, body.id(), null, body);
    }

    @PostMapping("/{id}/profile-corrections")
    @Operation(summary = "Correct profile fields (PractitionerProfileCorrected)")
    public ResponseEntity<WriteReceipt> correct(@AuthenticationPrincipal ApiKey caller, @PathVariable String id,
                                                @RequestBody ProfileCorrection body) {
        return write(caller, WriteKind.PROFILE_CORRECTION, id, null, body);
    }

    @PostMapping("/{id}/credits")
    @Operation(summary = "Award hours or minutes (CreditAwarded)")
    public ResponseEntity<WriteReceipt> award(@AuthenticationPrincipal ApiKey caller, @PathVariable String id,
                                              @RequestBody CreditAward body) {
        return write(caller, WriteKind.CREDIT, id, null, body);
    }

    @PostMapping("/{id}/credits/{awardId}/revocations")
    @Operation(summary = "Revoke an award (CreditRevoked)")
    public ResponseEntity<WriteReceipt> revokeCredit(@AuthenticationPrincipal ApiKey caller, @PathVariable String id,
                                                     @PathVariable String awardId, @RequestBody Revocation body) {
        return write(caller, WriteKind.CREDIT_REVOCATION, id, awardId, body);
    }

    @PostMapping("/{id}/credits/{awardId}/reassignments")
    @Operation(summary = "Move an award to an earlier year as make-up study (CreditReassigned)")
    public ResponseEntity<WriteReceipt> reassign(@AuthenticationPrincipal ApiKey caller, @PathVariable String id,
                                                 @PathVariable String awardId, @RequestBody Reassignment body) {
        return write(caller, WriteKind.CREDIT_REASSIGNMENT, id, awardId, body);
    }

    @PostMapping("/{id}/conversions")
    @Operation(summary = "Record a conversion fact (an exam, lecturing, a study tour, a degree)")
    public ResponseEntity<WriteReceipt> convert(@AuthenticationPrincipal ApiKey caller, @PathVariable String id,
                                                @RequestBody Conversion body) {
        return write(caller, WriteKind.CONVERSION, id, null, body);
    }

    @PostMapping("/{id}/conversions/{conversionId}/revocations")
    @Operation(summary = "Revoke a conversion fact (ConversionRevoked)")
    public ResponseEntity<WriteReceipt> revokeConversion(@AuthenticationPrincipal ApiKey caller, @PathVariable String id,
                                                         @PathVariable String conversionId, @RequestBody Revocation body) {
        return write(caller, WriteKind.CONVERSION_REVOCATION, id, conversionId, body);
    }

    @PostMapping("/{id}/exemptions")
    @Operation(summary = "Grant an exemption (ExemptionGranted)")
    public ResponseEntity<WriteReceipt> exempt(@AuthenticationPrincipal ApiKey caller, @PathVariable String id,
                                               @RequestBody Exemption body) {
        return write(caller, WriteKind.EXEMPTION, id, null, body);
    }

    @PostMapping("/{id}/exemptions/{exemptionId}/revocations")
    @Operation(summary = "Revoke an exemption (ExemptionRevoked)")
    public ResponseEntity<WriteReceipt> revokeExemption(@AuthenticationPrincipal ApiKey caller, @PathVariable String id,
                                                        @PathVariable String exemptionId, @RequestBody Revocation body) {
        return write(caller, WriteKind.EXEMPTION_REVOCATION, id, exemptionId, body);
    }

    @PostMapping("/{id}/transfers")
    @Operation(summary = "Record a transfer (PractitionerTransferred)")
    public ResponseEntity<WriteReceipt> transfer(@AuthenticationPrincipal ApiKey caller, @PathVariable String id,
                                                 @RequestBody Transfer body) {
        return write(caller, WriteKind.TRANSFER, id, null, body);
    }

    @PostMapping("/{id}/erasures")
    @Operation(summary = "Erase the practitioner's personal data by destroying its key (PersonalDataErased; ADMIN)")
    public ResponseEntity<WriteReceipt> erase(@AuthenticationPrincipal ApiKey caller, @PathVariable String id,
                                              @RequestBody Erasure body) {
        var recorded = writer.record(caller, new ErasePersonalDataCommand(id, body.erasureId(), body.reason(),
                body.legalBasis()));
        return WriteReceipt.of(recorded, "erasure", id, body.erasureId()).response();
    }

    private ResponseEntity<WriteReceipt> write(ApiKey caller, WriteKind kind, String practitionerId, String factId,
                                               WriteRequest body) {
        var recorded = writer.record(caller, kind.command(practitionerId, factId, body));
        return WriteReceipt.of(recorded, kind.toString(), practitionerId, kind.factId(factId, body)).response();
    }
}
