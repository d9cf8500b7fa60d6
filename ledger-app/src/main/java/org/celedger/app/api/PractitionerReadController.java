package org.celedger.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.practitioner.PractitionerProfileCorrected;
import org.celedger.domain.practitioner.PractitionerRegistered;
import org.celedger.domain.practitioner.PractitionerTransferred;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an auditor reads straight from the event store, so it is always exactly what was recorded:
 * the practitioner's profile and the full history of its events.
 */
@RestController
@RequestMapping("/api/v1/practitioners")
@Tag(name = "reads")
public class PractitionerReadController {

    private final EventStore events;
    private final ObjectMapper json;

    public PractitionerReadController(EventStore events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    /** One event of the history (API.md): its sequence in the practitioner's stream, type, recording instant and payload. */
    public record HistoryEntry(long sequence, String type, Instant recordedAt, JsonNode payload) {
    }

    /** The profile today: as registered, with every correction, and with the transfers already in effect. */
    public record Profile(String id, PractitionerProfile profile, Instant registeredAt, long lastSequence) {
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every event of the practitioner, in order")
    public List<HistoryEntry> history(@PathVariable String id) {
        return stream(id).stream()
                .map(e -> new HistoryEntry(e.getSequenceNumber(), e.getPayloadType().getSimpleName(), e.getTimestamp(),
                        json.valueToTree(e.getPayload())))
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "The practitioner's profile")
    public Profile profile(@PathVariable String id) {
        List<? extends DomainEventMessage<?>> stream = stream(id);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        PractitionerProfile profile = null;
        Instant registeredAt = null;
        for (DomainEventMessage<?> message : stream) {
            Object event = message.getPayload();
            if (event instanceof PractitionerRegistered r) {
                profile = r.profile();
                registeredAt = message.getTimestamp();
            } else if (event instanceof PractitionerProfileCorrected c) {
                profile = profile.correctedBy(c.changes());
            } else if (event instanceof PractitionerTransferred t && !t.effectiveDate().isAfter(today)) {
                profile = profile.transferredBy(t);
            }
        }
        return new Profile(id, profile, registeredAt, stream.get(stream.size() - 1).getSequenceNumber());
    }

    private List<? extends DomainEventMessage<?>> stream(String id) {
        List<? extends DomainEventMessage<?>> stream = events.readEvents(id).asStream().toList();
        if (stream.isEmpty()) {
            throw new AggregateNotFoundException(id, "no practitioner " + id);
        }
        return stream;
    }
}
