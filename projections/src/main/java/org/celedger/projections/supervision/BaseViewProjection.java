package org.celedger.projections.supervision;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.celedger.domain.practitioner.PersonalDataErased;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.celedger.domain.base.BaseEvent;
import org.celedger.domain.base.BaseRegistered;
import org.celedger.domain.base.BaseStatusChanged;
import org.celedger.domain.base.RosterCreditRefused;
import org.celedger.domain.base.RosterSubmitted;
import org.celedger.domain.base.SessionFalsified;
import org.celedger.domain.base.SessionInspected;
import org.celedger.domain.base.SessionPlanFiled;

/**
 * The tracking projection of training-base events into their supervision documents. Each document
 * remembers the last event sequence it applied, so a re-delivered event changes nothing.
 */
@ProcessingGroup(BaseViewProjection.PROCESSOR)
public class BaseViewProjection {

    public static final String PROCESSOR = "supervision";

    private final BaseViewStore store;

    public BaseViewProjection(BaseViewStore store) {
        this.store = store;
    }

    @EventHandler
    public void on(BaseEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt, TrackingToken token) {
        on(event, sequence, recordedAt, token == null ? -1 : token.position().orElse(-1));
    }

    /**
     * An erasure of a practitioner's personal data: the names their roster rows hold go too, as they went in the
     * event store (sealed under the destroyed key). A replay reads them as null from the start.
     */
    @EventHandler
    public void on(PersonalDataErased event) {
        for (BaseView view : store.all()) {
            if (view.forgetNameOf(event.practitionerId())) {
                store.save(view);
            }
        }
    }

    /** Applies one event of the base's stream; {@code position} is its global position (-1 when unknown). */
    public void on(BaseEvent event, long sequence, Instant recordedAt, long position) {
        BaseView view = store.find(event.baseId()).orElseGet(() -> {
            BaseView v = new BaseView();
            v.baseId = event.baseId();
            return v;
        });
        if (sequence <= view.lastSequence) {
            return;
        }
        apply(view, event, recordedAt);
        if (event instanceof RosterSubmitted || event instanceof SessionFalsified) {
            // what the roster-credits process acts on: past it, the session's credits (or refusals) are recorded
            view.session(sessionOf(event)).processPosition = position;
        }
        view.lastSequence = sequence;
        store.save(view);
    }

    private static String sessionOf(BaseEvent event) {
        return event instanceof RosterSubmitted r ? r.sessionId() : ((SessionFalsified) event).sessionId();
    }

    static void apply(BaseView view, BaseEvent event, Instant recordedAt) {
        if (event instanceof BaseRegistered e) {
            view.name = e.name();
            view.level = e.level();
            view.jurisdiction = e.jurisdiction();
            view.region = e.region();
        } else if (event instanceof BaseStatusChanged e) {
            view.status = e.to();
            view.statusHistory.add(new BaseView.StatusChange(e.changeId(), e.from(), e.to(), e.reason(), recordedAt));
        } else if (event instanceof SessionPlanFiled e) {
            BaseView.Session s = view.session(e.sessionId());
            s.plan = e;
            s.planFiledAt = recordedAt;
        } else if (event instanceof RosterSubmitted e) {
            BaseView.Session s = view.session(e.sessionId());
            s.roster.addAll(e.newEntries());
            s.rosterSubmittedOn = e.submittedOn();
            s.completedOn = e.completedOn();
        } else if (event instanceof RosterCreditRefused e) {
            view.session(e.sessionId()).creditRefusals.add(
                    new BaseView.CreditRefusal(e.practitionerId(), e.awardId(), e.reason(), recordedAt));
        } else if (event instanceof SessionInspected e) {
            view.session(e.sessionId()).inspections.add(e);
        } else if (event instanceof SessionFalsified e) {
            view.session(e.sessionId()).falsifiedBy = e.inspectionId();
        }
    }
}
