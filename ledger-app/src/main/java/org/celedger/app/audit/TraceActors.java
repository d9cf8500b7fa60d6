package org.celedger.app.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import org.celedger.domain.rules.Contribution;
import org.celedger.domain.rules.Decision;
import org.celedger.domain.rules.Requirement;
import org.celedger.domain.rules.YearTotals;
import org.springframework.stereotype.Component;

/**
 * Finds who recorded the events a trace cites, and leaves them on the request for {@link RecordedBy} to
 * write beside each contribution. At most one range read of the practitioner's stream per answer.
 */
@Component
public class TraceActors {

    private final AuditTrail trail;

    public TraceActors(AuditTrail trail) {
        this.trail = trail;
    }

    public void attach(HttpServletRequest request, String practitionerId, Decision decision) {
        attachTo(request, practitionerId, decision.requirements().stream()
                .map(Requirement::contributions).flatMap(Collection::stream).toList());
    }

    public void attachToYears(HttpServletRequest request, String practitionerId, Collection<YearTotals> years) {
        attachTo(request, practitionerId, years.stream().map(YearTotals::items).flatMap(Collection::stream).toList());
    }

    private void attachTo(HttpServletRequest request, String practitionerId, Collection<Contribution> cited) {
        OptionalLong last = cited.stream().mapToLong(Contribution::sequence).max();
        request.setAttribute(RecordedBy.ATTRIBUTE, last.isEmpty() ? Map.of() : trail.actors(practitionerId, last.getAsLong()));
    }
}
