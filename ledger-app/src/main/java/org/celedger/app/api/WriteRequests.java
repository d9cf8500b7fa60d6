package org.celedger.app.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.celedger.domain.practitioner.*;

/**
 * The bodies of the write endpoints, field for field as API.md fixes them. Each knows the domain
 * command it asks for; the practitioner id (and the fact id of a revocation) come from the path,
 * or from a batch item.
 */
public final class WriteRequests {

    private WriteRequests() {
    }

    /** A body that becomes a command, given the practitioner and, for revocations and reassignments, the fact. */
    public interface WriteRequest {
    }

    @Schema(name = "PractitionerRegistration", requiredProperties = {"id", "name", "gender", "birthDate", "jurisdiction",
            "region", "sector", "grassroots", "titleLevel", "degree"}, description = "titleSeries and titleObtainedOn "
            + "are required unless titleLevel is NONE, and titleObtainedOn is then absent; idNumber, the resident ID "
            + "number, is optional, and id must not be one")
    public record Registration(String id, String name, String idNumber, Gender gender, LocalDate birthDate,
                               Jurisdiction jurisdiction, String region, Sector sector, Boolean grassroots,
                               String titleSeries, TitleLevel titleLevel, LocalDate titleObtainedOn,
                               Degree degree) implements WriteRequest {
        RegisterPractitionerCommand toCommand() {
            return new RegisterPractitionerCommand(id, new PractitionerProfile(name, idNumber, gender, birthDate, null,
                    jurisdiction, region, sector, grassroots, titleSeries, titleLevel, titleObtainedOn, degree));
        }
    }

    /** An erasure of the practitioner's personal data (ADMIN only; not a batch item). */
    @Schema(name = "PersonalDataErasure", requiredProperties = {"erasureId", "reason", "legalBasis"})
    public record Erasure(String erasureId, String reason, String legalBasis) {
    }

    @Schema(name = "ProfileCorrection", requiredProperties = {"correctionId", "changes", "reason"})
    public record ProfileCorrection(String correctionId, ProfileChanges changes, String reason) implements WriteRequest {
    }

    @Schema(name = "CreditAward", description = "hours or minutes, one of them",
            requiredProperties = {"awardId", "year", "category", "activity", "approvedBy", "completedOn"})
    public record CreditAward(String awardId, Integer year, Category category, Activity activity, BigDecimal hours,
                              Integer minutes, String baseId, String sessionId, String approvedBy,
                              String certificateNo, LocalDate completedOn) implements WriteRequest {
    }

    @Schema(name = "Revocation", requiredProperties = "reason")
    public record Revocation(String reason) implements WriteRequest {
    }

    @Schema(name = "CreditReassignment", requiredProperties = {"targetYear", "reason"})
    public record Reassignment(Integer targetYear, String reason) implements WriteRequest {
    }

    @Schema(name = "Conversion", requiredProperties = {"conversionId", "kind", "date"}, description = "quantity: hours taught (LECTURING_DELIVERED), days without travel "
            + "(STUDY_TOUR_COMPLETED, halves allowed), modules (COMPUTER_EXAM_PASSED)")
    public record Conversion(String conversionId, ConversionKind kind, LocalDate date, BigDecimal quantity,
                             Boolean inRegion, LocalDate enrolledOn, LocalDate graduatedOn, Degree degree,
                             BigDecimal certifiedHours, String evidence) implements WriteRequest {
    }

    @Schema(name = "Exemption", requiredProperties = {"exemptionId", "kind", "evidence", "grantedBy"},
            description = "years: required for COVID_FRONTLINE")
    public record Exemption(String exemptionId, ExemptionKind kind,
                            @JsonSetter(contentNulls = Nulls.FAIL) List<Integer> years, String evidence,
                            String grantedBy) implements WriteRequest {
    }

    @Schema(name = "Transfer", requiredProperties = {"transferId", "kind", "effectiveDate"})
    public record Transfer(String transferId, TransferKind kind, LocalDate effectiveDate, Jurisdiction toJurisdiction,
                           String toRegion, Sector toSector) implements WriteRequest {
    }
}
