package org.celedger.app.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.celedger.app.read.Evaluations;
import org.celedger.app.read.PractitionerFacts;
import org.celedger.app.audit.RequestIds;
import org.celedger.app.security.ApiKey;
import org.celedger.app.security.Disclosure;
import org.celedger.app.security.Role;
import org.celedger.app.web.ApiException;
import org.celedger.domain.practitioner.PractitionerProfile;
import org.celedger.domain.practitioner.ResidentIdNumber;
import org.celedger.projections.history.PractitionerView;
import org.celedger.projections.history.PractitionerViewStore;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finds practitioners by resident ID number (through the keyed-hash index: the number is never an id, a path or
 * a log line) or by name (in the views). Only the roles that read practitioners may ask (auditors, registrars,
 * ADMIN); every other key is refused before anything is looked up, whether the number is registered or not. A
 * registrar finds only the practitioners of its scope. Each practitioner found is entered in the access log
 * before the answer leaves, as is the lookup itself.
 */
@RestController
@Tag(name = "personal data")
public class PractitionerLookupController {

    /** Practitioners a name finds at most. */
    static final int MAX_FOUND = 50;

    public record Found(String practitionerId, String name, String idNumber, String jurisdiction, String region) {
    }

    public record Lookup(List<Found> items) {
    }

    private final IdNumberIndex index;
    private final PractitionerViewStore views;
    private final PractitionerFacts facts;
    private final Evaluations evaluations;
    private final AccessLog accessLog;

    public PractitionerLookupController(IdNumberIndex index, PractitionerViewStore views, PractitionerFacts facts,
                                        Evaluations evaluations, AccessLog accessLog) {
        this.index = index;
        this.views = views;
        this.facts = facts;
        this.evaluations = evaluations;
        this.accessLog = accessLog;
    }

    @GetMapping("/api/v1/practitioners")
    @Operation(summary = "Find practitioners by resident ID number (idNumber) or by name; one of the two")
    public Lookup find(@AuthenticationPrincipal ApiKey caller, @RequestParam(required = false) String idNumber,
                       @RequestParam(required = false) String name,
                       @RequestHeader(name = AccessLogInterceptor.PURPOSE_HEADER, required = false) String purpose) {
        if ((idNumber == null) == (name == null)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "One of idNumber or name", idNumber == null ? "idNumber" : "name",
                    "Give idNumber (a resident ID number) or name, one of them.");
        }
        List<String> ids = new ArrayList<>();
        if (idNumber != null) {
            String number = ResidentIdNumber.normalised(idNumber);
            if (!ResidentIdNumber.isValid(number)) {
                // Not quoted: even a mistyped number is personal data.
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Not a resident ID number", "idNumber",
                        "idNumber is not a resident ID number of GB 11643-1999 (18 characters, the last a check"
                                + " character of the first 17).");
            }
            index.practitionerOf(number).ifPresent(ids::add);
        } else {
            if (name.isBlank() || name.length() > 100) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Not a name", "name",
                        "name is a practitioner's whole name, 1 to 100 characters.");
            }
            views.byName(name.strip(), MAX_FOUND).stream().map(PractitionerView::id).forEach(ids::add);
        }
        Disclosure disclosure = Disclosure.of(caller);
        List<Found> found = new ArrayList<>();
        for (String id : ids) {
            Optional<PractitionerProfile> profile = profile(id);
            if (profile.isEmpty() || !caller.has(Role.AUDITOR) && !caller.registrarScope().covers(profile.get())) {
                continue; // a registrar finds the practitioners of its scope only
            }
            PractitionerProfile p = profile.get();
            accessLog.record(new AccessLog.Entry(0, null, caller.id(), caller.name(), id, "GET", "/api/v1/practitioners",
                    AccessLogInterceptor.purpose(purpose), RequestIds.current()));
            found.add(new Found(id, disclosure.name(p.name()), disclosure.idNumber(p.idNumber(), p), 
                    p.jurisdiction() == null ? null : p.jurisdiction().name(), p.region()));
        }
        return new Lookup(found);
    }

    private Optional<PractitionerProfile> profile(String id) {
        try {
            return Optional.of(evaluations.profileToday(facts.recorded(id).facts()));
        } catch (ApiException notFound) {
            return Optional.empty(); // indexed, but its view not there yet: as good as not found
        }
    }
}
