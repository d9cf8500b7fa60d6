package org.celedger.app.api;

import java.util.Arrays;
import java.util.Optional;
import org.celedger.app.api.WriteRequests.*;
import org.celedger.domain.practitioner.*;

/**
 * The kinds of write of API.md, by the {@code type} a batch item names: each with its body and
 * the command it becomes. Single endpoints and batches both go through here, so they cannot differ.
 */
public enum WriteKind {
    PRACTITIONER("practitioner", Registration.class, null),
    PROFILE_CORRECTION("profile-correction", ProfileCorrection.class, null),
    CREDIT("credit", CreditAward.class, null),
    CREDIT_REVOCATION("credit-revocation", Revocation.class, "awardId"),
    CREDIT_REASSIGNMENT("credit-reassignment", Reassignment.class, "awardId"),
    CONVERSION("conversion", Conversion.class, null),
    CONVERSION_REVOCATION("conversion-revocation", Revocation.class, "conversionId"),
    EXEMPTION("exemption", Exemption.class, null),
    EXEMPTION_REVOCATION("exemption-revocation", Revocation.class, "exemptionId"),
    TRANSFER("transfer", Transfer.class, null);

    private final String type;
    private final Class<? extends WriteRequest> body;
    private final String factIdField;

    WriteKind(String type, Class<? extends WriteRequest> body, String factIdField) {
        this.type = type;
        this.body = body;
        this.factIdField = factIdField;
    }

    public static Optional<WriteKind> ofType(String type) {
        return Arrays.stream(values()).filter(k -> k.type.equals(type)).findFirst();
    }

    public static String types() {
        return String.join(", ", Arrays.stream(values()).map(k -> k.type).toList());
    }

    public Class<? extends WriteRequest> body() {
        return body;
    }

    /** For revocations and reassignments: the field naming the fact they act on (in the path of a single write). */
    public String factIdField() {
        return factIdField;
    }

    /**
     * The id of the fact this write records: the practitioner's for a registration, else the id the body names
     * ({@code awardId}, {@code correctionId}, …) or, for revocations and reassignments, the fact they act on.
     */
    public String factId(String pathFactId, WriteRequest request) {
        return switch (this) {
            case PRACTITIONER -> ((Registration) request).id();
            case PROFILE_CORRECTION -> ((ProfileCorrection) request).correctionId();
            case CREDIT -> ((CreditAward) request).awardId();
            case CONVERSION -> ((Conversion) request).conversionId();
            case EXEMPTION -> ((Exemption) request).exemptionId();
            case TRANSFER -> ((Transfer) request).transferId();
            case CREDIT_REVOCATION, CREDIT_REASSIGNMENT, CONVERSION_REVOCATION, EXEMPTION_REVOCATION -> pathFactId;
        };
    }

    /** The command this write asks for. {@code factId} is the path's award, conversion or exemption id. */
    public Object command(String practitionerId, String factId, WriteRequest request) {
        return switch (this) {
            case PRACTITIONER -> ((Registration) request).toCommand();
            case PROFILE_CORRECTION -> {
                var r = (ProfileCorrection) request;
                yield new CorrectProfileCommand(practitionerId, r.correctionId(), r.changes(), r.reason());
            }
            case CREDIT -> {
                var r = (CreditAward) request;
                yield new AwardCreditCommand(practitionerId, r.awardId(), r.year(), r.category(), r.activity(),
                        r.hours(), r.minutes(), r.baseId(), r.sessionId(), r.approvedBy(), r.certificateNo(),
                        r.completedOn());
            }
            case CREDIT_REVOCATION ->
                    new RevokeCreditCommand(practitionerId, factId, ((Revocation) request).reason(), null, null);
            case CREDIT_REASSIGNMENT -> {
                var r = (Reassignment) request;
                yield new ReassignCreditCommand(practitionerId, factId, r.targetYear(), r.reason());
            }
            case CONVERSION -> {
                var r = (Conversion) request;
                yield new RecordConversionCommand(practitionerId, r.conversionId(), r.kind(), r.date(), r.quantity(),
                        r.inRegion(), r.enrolledOn(), r.graduatedOn(), r.degree(), r.certifiedHours(), r.evidence());
            }
            case CONVERSION_REVOCATION ->
                    new RevokeConversionCommand(practitionerId, factId, ((Revocation) request).reason());
            case EXEMPTION -> {
                var r = (Exemption) request;
                yield new GrantExemptionCommand(practitionerId, r.exemptionId(), r.kind(), r.years(), r.evidence(),
                        r.grantedBy());
            }
            case EXEMPTION_REVOCATION ->
                    new RevokeExemptionCommand(practitionerId, factId, ((Revocation) request).reason());
            case TRANSFER -> {
                var r = (Transfer) request;
                yield new TransferPractitionerCommand(practitionerId, r.transferId(), r.kind(), r.effectiveDate(),
                        r.toJurisdiction(), r.toRegion(), r.toSector());
            }
        };
    }

    @Override
    public String toString() {
        return type;
    }
}
