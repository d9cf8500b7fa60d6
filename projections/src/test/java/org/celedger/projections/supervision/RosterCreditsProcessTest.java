package org.celedger.projections.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.celedger.domain.StateConflictException;
import org.celedger.domain.base.RecordRosterCreditRefusalCommand;
import org.celedger.domain.base.RosterEntry;
import org.celedger.domain.base.RosterSubmitted;
import org.celedger.domain.base.SessionFalsified;
import org.celedger.domain.practitioner.Activity;
import org.celedger.domain.practitioner.AwardCreditCommand;
import org.celedger.domain.practitioner.Category;
import org.celedger.domain.practitioner.RevocationCause;
import org.celedger.domain.practitioner.RevokeCreditCommand;
import org.junit.jupiter.api.Test;

/**
 * The roster-credits process manager keeps no state, so instead of a saga fixture it is driven with
 * its events and a recording command gateway: what it sends, that sending it all again is the same
 * (the practitioner answers DUPLICATE, see RosterCreditsTest in the domain), and that a refused
 * command does not stop the rest: a refused award is recorded on its roster.
 */
class RosterCreditsProcessTest {

    static final RosterSubmitted ROSTER = new RosterSubmitted("base-1", "s-1", List.of(
            new RosterEntry("p-1", "王芳", new BigDecimal("16.0"), Category.PROFESSIONAL),
            new RosterEntry("p-2", "李明", new BigDecimal("8.0"), Category.PUBLIC)),
            LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 12));

    @Test
    void everyRosterRowBecomesACreditNamedAfterItsSessionAndPractitioner() {
        RecordingGateway gateway = new RecordingGateway(null);
        new RosterCreditsProcess(gateway).on(ROSTER);
        assertThat(gateway.sent).hasSize(2);
        AwardCreditCommand first = (AwardCreditCommand) gateway.sent.get(0);
        assertThat(first.awardId()).isEqualTo("s-1/p-1");
        assertThat(first.practitionerId()).isEqualTo("p-1");
        assertThat(first.year()).isEqualTo(2026);
        assertThat(first.hours()).isEqualByComparingTo("16");
        assertThat(first.activity()).isEqualTo(Activity.BASE_TRAINING);
        assertThat(first.baseId()).isEqualTo("base-1");
        assertThat(first.sessionId()).isEqualTo("s-1");
        assertThat(first.completedOn()).isEqualTo(LocalDate.of(2026, 11, 12));
    }

    @Test
    void runningAgainSendsTheSameIdempotentCommands() {
        RecordingGateway once = new RecordingGateway(null);
        new RosterCreditsProcess(once).on(ROSTER);
        RecordingGateway twice = new RecordingGateway(null);
        var process = new RosterCreditsProcess(twice);
        process.on(ROSTER);
        process.on(ROSTER);
        assertThat(twice.sent).containsExactlyElementsOf(List.of(once.sent.get(0), once.sent.get(1),
                once.sent.get(0), once.sent.get(1)));
    }

    @Test
    void aFalsifiedSessionRevokesEachOfItsCreditsCitingTheInspection() {
        RecordingGateway gateway = new RecordingGateway(null);
        new RosterCreditsProcess(gateway).on(new SessionFalsified("base-1", "s-1", "insp-7", List.of("p-1", "p-2"),
                "签到表伪造"));
        assertThat(gateway.sent).containsExactly(
                new RevokeCreditCommand("p-1", "s-1/p-1", "签到表伪造", RevocationCause.FAILED_INSPECTION, "insp-7"),
                new RevokeCreditCommand("p-2", "s-1/p-2", "签到表伪造", RevocationCause.FAILED_INSPECTION, "insp-7"));
    }

    @Test
    void aRefusedAwardIsRecordedOnTheRosterWithItsReasonAndTheOthersAreStillSent() {
        RecordingGateway gateway = new RecordingGateway("p-1");
        new RosterCreditsProcess(gateway).on(ROSTER);
        assertThat(gateway.sent).hasSize(3);
        assertThat(gateway.sent.get(1)).isEqualTo(
                new RecordRosterCreditRefusalCommand("base-1", "s-1", "p-1", "no practitioner"));
        assertThat(((AwardCreditCommand) gateway.sent.get(2)).practitionerId()).isEqualTo("p-2");
        assertThat(gateway.metaData.get(1)).containsEntry("actor.via", "roster-credits");

        RecordingGateway conflicting = new RecordingGateway("conflict");
        new RosterCreditsProcess(conflicting).on(ROSTER);
        assertThat(conflicting.sent).containsExactly(conflicting.sent.get(0),
                new RecordRosterCreditRefusalCommand("base-1", "s-1", "p-1", "award s-1/p-1 conflicts"),
                conflicting.sent.get(2),
                new RecordRosterCreditRefusalCommand("base-1", "s-1", "p-2", "award s-1/p-2 conflicts"));
    }

    @Test
    void aRevocationWithNothingToRevokeDoesNotStopTheOthers() {
        RecordingGateway conflicting = new RecordingGateway("conflict");
        new RosterCreditsProcess(conflicting).on(new SessionFalsified("base-1", "s-1", "insp-7", List.of("p-1", "p-2"),
                "签到表伪造"));
        assertThat(conflicting.sent).hasSize(2);
    }

    /** Records every command; refuses those for {@code refuse} (or, with "conflict", all) as the aggregate would. */
    @Test
    void eachCommandIsSentOnBehalfOfWhoeverRecordedTheRosterNotingTheProcess() {
        RecordingGateway gateway = new RecordingGateway(null);
        var cause = org.axonframework.messaging.MetaData.with("actor.keyId", "key-0123456789abcdef")
                .and("actor.name", "钢铁培训基地平台").and("traceId", "not an actor's");
        new RosterCreditsProcess(gateway).on(ROSTER, cause);
        assertThat(gateway.metaData).hasSize(2).allSatisfy(m -> assertThat(m).containsOnly(
                java.util.Map.entry("actor.keyId", "key-0123456789abcdef"), java.util.Map.entry("actor.name", "钢铁培训基地平台"),
                java.util.Map.entry("actor.via", "roster-credits")));
    }

    @Test
    void eachCommandIsCommittedOnItsOwnBeforeTheHandlerReturnsNotNestedInTheProcessorsUnitOfWork() {
        RecordingGateway gateway = new RecordingGateway(null);
        var processorsUnitOfWork = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(null);
        try {
            new RosterCreditsProcess(gateway).on(ROSTER);
        } finally {
            processorsUnitOfWork.rollback();
        }
        assertThat(gateway.sent).hasSize(2);
        assertThat(gateway.sentWithinAUnitOfWork).as("sent where no unit of work would defer their commit").isZero();
    }

    static final class RecordingGateway implements CommandGateway {
        final List<Object> sent = new ArrayList<>();
        final List<org.axonframework.messaging.MetaData> metaData = new ArrayList<>();
        int sentWithinAUnitOfWork;
        private final String refuse;

        RecordingGateway(String refuse) {
            this.refuse = refuse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R sendAndWait(Object message) {
            Object command = message instanceof org.axonframework.commandhandling.CommandMessage<?> m ? m.getPayload() : message;
            if (message instanceof org.axonframework.commandhandling.CommandMessage<?> m) {
                metaData.add(m.getMetaData());
            }
            sent.add(command);
            if (org.axonframework.messaging.unitofwork.CurrentUnitOfWork.isStarted()) {
                sentWithinAUnitOfWork++;
            }
            if ("conflict".equals(refuse) && command instanceof AwardCreditCommand a) {
                throw new StateConflictException("awardId", "award " + a.awardId() + " conflicts");
            }
            if ("conflict".equals(refuse) && command instanceof RevokeCreditCommand) {
                throw new StateConflictException("awardId", "nothing to revoke");
            }
            if (command instanceof AwardCreditCommand a && a.practitionerId().equals(refuse)) {
                throw new AggregateNotFoundException(refuse, "no practitioner");
            }
            return (R) org.celedger.domain.WriteOutcome.ACCEPTED;
        }

        @Override
        public <R> R sendAndWait(Object command, long timeout, java.util.concurrent.TimeUnit unit) {
            return sendAndWait(command);
        }

        @Override
        public <C, R> void send(C command, org.axonframework.commandhandling.CommandCallback<? super C, ? super R> callback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <R> java.util.concurrent.CompletableFuture<R> send(Object command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.axonframework.common.Registration registerDispatchInterceptor(
                org.axonframework.messaging.MessageDispatchInterceptor<? super org.axonframework.commandhandling.CommandMessage<?>> interceptor) {
            throw new UnsupportedOperationException();
        }
    }
}
