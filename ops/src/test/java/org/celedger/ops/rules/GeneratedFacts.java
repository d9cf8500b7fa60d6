package org.celedger.ops.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.celedger.domain.practitioner.Activity;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.ComputerExamPassed;
import org.celedger.domain.practitioner.ConversionKind;
import org.celedger.domain.practitioner.ConversionRevoked;
import org.celedger.domain.practitioner.CreditAwarded;
import org.celedger.domain.practitioner.CreditReassigned;
import org.celedger.domain.practitioner.CreditRevoked;
import org.celedger.domain.practitioner.Degree;
import org.celedger.domain.practitioner.DegreeCompleted;
import org.celedger.domain.practitioner.ExemptionGranted;
import org.celedger.domain.practitioner.ExemptionKind;
import org.celedger.domain.practitioner.ExemptionRevoked;
import org.celedger.domain.practitioner.Gender;
import org.celedger.domain.practitioner.Jurisdiction;
import org.celedger.domain.practitioner.LecturingDelivered;
import org.celedger.domain.practitioner.PractitionerEvent;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.practitioner.PractitionerProfileCorrected;
import org.celedger.domain.practitioner.PractitionerRegistered;
import org.celedger.domain.practitioner.PractitionerTransferred;
import org.celedger.domain.practitioner.ProfileChanges;
import org.celedger.domain.practitioner.QualificationExamPassed;
import org.celedger.domain.practitioner.RevocationCause;
import org.celedger.domain.practitioner.Sector;
import org.celedger.domain.practitioner.StudyTourCompleted;
import org.celedger.domain.practitioner.TitleLanguageExamPassed;
import org.celedger.domain.practitioner.TitleLevel;
import org.celedger.domain.practitioner.TransferKind;
import org.celedger.domain.rules.RecordedFact;

/**
 * A generated practitioner's batch items (API.md) as the events the ledger would record for them, in
 * order, without the HTTP app: the same fields the ledger's write kinds put into commands and the
 * {@code Practitioner} aggregate into events (a revocation's cause is CORRECTION, a reassignment
 * remembers the award's year, a correction the values it replaced, an exemption's years sorted, hours
 * to one decimal).
 * The generator only draws items the ledger accepts, so no check is repeated here.
 */
final class GeneratedFacts {

    private GeneratedFacts() {
    }

    static List<RecordedFact> of(List<ObjectNode> items) {
        List<RecordedFact> facts = new ArrayList<>(items.size());
        Map<String, Integer> awardYears = new HashMap<>();
        PractitionerProfile profile = null;
        for (ObjectNode item : items) {
            PractitionerEvent event = switch (item.path("type").asText()) {
                case "practitioner" -> {
                    profile = new PractitionerProfile(text(item, "name"), en(item, "gender", Gender.class),
                            date(item, "birthDate"), en(item, "jurisdiction", Jurisdiction.class),
                            text(item, "region"), en(item, "sector", Sector.class), bool(item, "grassroots"),
                            text(item, "titleSeries"), en(item, "titleLevel", TitleLevel.class),
                            date(item, "titleObtainedOn"), en(item, "degree", Degree.class));
                    yield new PractitionerRegistered(text(item, "id"), profile);
                }
                case "profile-correction" -> {
                    JsonNode c = item.path("changes");
                    ProfileChanges changes = new ProfileChanges(text(c, "name"), en(c, "gender", Gender.class),
                            date(c, "birthDate"), en(c, "jurisdiction", Jurisdiction.class), text(c, "region"),
                            en(c, "sector", Sector.class), bool(c, "grassroots"), text(c, "titleSeries"),
                            en(c, "titleLevel", TitleLevel.class), date(c, "titleObtainedOn"),
                            en(c, "degree", Degree.class));
                    ProfileChanges previous = profile.valuesChangedBy(changes);
                    profile = profile.correctedBy(changes);
                    yield new PractitionerProfileCorrected(text(item, "practitionerId"), text(item, "correctionId"),
                            changes, previous, text(item, "reason"));
                }
                case "credit" -> {
                    awardYears.put(text(item, "awardId"), item.path("year").asInt());
                    yield new CreditAwarded(text(item, "practitionerId"), text(item, "awardId"),
                            item.path("year").asInt(), en(item, "category", Category.class),
                            en(item, "activity", Activity.class), hours(item, "hours"),
                            item.hasNonNull("minutes") ? item.path("minutes").asInt() : null, text(item, "baseId"),
                            text(item, "sessionId"), text(item, "approvedBy"), text(item, "certificateNo"),
                            date(item, "completedOn"));
                }
                case "credit-revocation" -> new CreditRevoked(text(item, "practitionerId"), text(item, "awardId"),
                        text(item, "reason"), RevocationCause.CORRECTION, null);
                case "credit-reassignment" -> new CreditReassigned(text(item, "practitionerId"),
                        text(item, "awardId"), awardYears.get(text(item, "awardId")), item.path("targetYear").asInt(),
                        text(item, "reason"));
                case "conversion" -> conversion(item);
                case "conversion-revocation" -> new ConversionRevoked(text(item, "practitionerId"),
                        text(item, "conversionId"), text(item, "reason"));
                case "exemption" -> {
                    List<Integer> years = new ArrayList<>();
                    item.path("years").forEach(y -> years.add(y.asInt()));
                    years.sort(null);
                    yield new ExemptionGranted(text(item, "practitionerId"), text(item, "exemptionId"),
                            en(item, "kind", ExemptionKind.class), List.copyOf(years), text(item, "evidence"),
                            text(item, "grantedBy"));
                }
                case "exemption-revocation" -> new ExemptionRevoked(text(item, "practitionerId"),
                        text(item, "exemptionId"), text(item, "reason"));
                case "transfer" -> new PractitionerTransferred(text(item, "practitionerId"),
                        text(item, "transferId"), en(item, "kind", TransferKind.class), date(item, "effectiveDate"),
                        en(item, "toJurisdiction", Jurisdiction.class), text(item, "toRegion"),
                        en(item, "toSector", Sector.class));
                default -> throw new IllegalArgumentException("an item type the generator does not draw: " + item);
            };
            long sequence = facts.size();
            facts.add(new RecordedFact(sequence, Instant.EPOCH.plusSeconds(sequence), event));
        }
        return facts;
    }

    private static PractitionerEvent conversion(ObjectNode c) {
        String p = text(c, "practitionerId");
        String id = text(c, "conversionId");
        LocalDate date = date(c, "date");
        String evidence = text(c, "evidence");
        return switch (en(c, "kind", ConversionKind.class)) {
            case QUALIFICATION_EXAM_PASSED -> new QualificationExamPassed(p, id, date, c.path("inRegion").asBoolean(),
                    evidence);
            case TITLE_LANGUAGE_EXAM_PASSED -> new TitleLanguageExamPassed(p, id, date, evidence);
            case COMPUTER_EXAM_PASSED -> new ComputerExamPassed(p, id, date, c.path("quantity").asInt(), evidence);
            case LECTURING_DELIVERED -> new LecturingDelivered(p, id, date, hours(c, "quantity"), evidence);
            case STUDY_TOUR_COMPLETED -> new StudyTourCompleted(p, id, date, hours(c, "quantity"), evidence);
            case DEGREE_COMPLETED -> new DegreeCompleted(p, id, date, date(c, "enrolledOn"), date(c, "graduatedOn"),
                    en(c, "degree", Degree.class), hours(c, "certifiedHours"), evidence);
        };
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asText() : null;
    }

    private static Boolean bool(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asBoolean() : null;
    }

    private static LocalDate date(JsonNode node, String field) {
        return node.hasNonNull(field) ? LocalDate.parse(node.path(field).asText()) : null;
    }

    /** Hours, days and hours taught as the aggregate records them: to one decimal (FactChecks.oneDecimal). */
    private static BigDecimal hours(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).decimalValue().setScale(1) : null;
    }

    private static <E extends Enum<E>> E en(JsonNode node, String field, Class<E> type) {
        return node.hasNonNull(field) ? Enum.valueOf(type, node.path(field).asText()) : null;
    }
}
