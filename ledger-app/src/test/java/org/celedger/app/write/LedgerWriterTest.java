package org.celedger.app.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.celedger.app.audit.Actor;
import org.celedger.app.axon.AggregateConfiguration.AggregateCaches;
import org.celedger.app.config.LedgerProperties;
import org.celedger.app.consistency.StreamHeads;
import org.celedger.app.consistency.StreamPosition;
import org.celedger.app.security.ApiKey;
import org.celedger.app.security.Role;
import org.celedger.app.web.ApiException;
import org.celedger.domain.StateConflictException;
import org.celedger.domain.WriteOutcome;
import org.celedger.domain.base.ConfirmSessionCommand;
import org.celedger.domain.practitioner.Activity;
import org.celedger.domain.practitioner.AwardCreditCommand;
import org.celedger.domain.practitioner.Category;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The write side's one way to the aggregates: who sent it, which races it retries, which writes it refuses. */
class LedgerWriterTest {

    private static final ApiKey INTEGRATOR = new ApiKey("0123456789abcdef0123", "基地平台", Set.of(Role.INTEGRATOR),
            Set.of("base-1"));

    private final CommandGateway commands = mock(CommandGateway.class);
    private final WeakReferenceCache practitioners = new WeakReferenceCache();
    private final StreamHeads positions = mock(StreamHeads.class);

    private LedgerWriter writer(String eventStoreUrl) {
        return new LedgerWriter(commands, new AggregateCaches(practitioners, new WeakReferenceCache()),
                new LedgerProperties(Path.of("data"), new LedgerProperties.EventStore(eventStoreUrl, null, null, 10,
                        1000)),
                positions, new IntegratorScope(mock(EventStore.class)));
    }

    private static AwardCreditCommand credit(String awardId, String baseId, String sessionId) {
        return new AwardCreditCommand("p-1", awardId, 2025, Category.PROFESSIONAL, Activity.BASE_TRAINING,
                new BigDecimal("32"), null, baseId, sessionId, "人社厅", null, LocalDate.of(2025, 3, 10));
    }

    @Test
    void aCommandCarriesItsActorAndIsAnsweredWithWhereItsStreamStands() {
        when(commands.sendAndWait(any())).thenReturn(WriteOutcome.ACCEPTED);
        when(positions.lastOf("p-1")).thenReturn(Optional.of(new StreamPosition(3, 17)));

        LedgerWriter.Recorded recorded = writer(null).record(INTEGRATOR, credit("a-1", "base-1", null));

        assertThat(recorded).isEqualTo(new LedgerWriter.Recorded(WriteOutcome.ACCEPTED, new StreamPosition(3, 17)));
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().getPayload()).isEqualTo(credit("a-1", "base-1", null));
        assertThat(Actor.of(sent.getValue().getMetaData()))
                .isEqualTo(new Actor("key-0123456789abcdef", "基地平台", List.of("INTEGRATOR"), List.of("base-1"), null,
                        null));
    }

    @Test
    void aCreditOfASessionIsSentOnlyOnceTheBaseConfirmsTheSessionIsItsOwn() {
        when(commands.sendAndWait(any())).thenReturn(null, WriteOutcome.ACCEPTED);

        assertThat(writer(null).<WriteOutcome>send(INTEGRATOR, credit("a-1", "base-1", "s-1")))
                .isEqualTo(WriteOutcome.ACCEPTED);

        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands, times(2)).sendAndWait(sent.capture());
        assertThat(sent.getAllValues().stream().<Object>map(CommandMessage::getPayload).toList()).containsExactly(new ConfirmSessionCommand("base-1", "s-1"), credit("a-1", "base-1", "s-1"));
    }

    @Test
    void aLostRaceIsSentAgainOnFreshState() {
        when(commands.sendAndWait(any())).thenThrow(new ConcurrencyException("another writer appended first"))
                .thenReturn(WriteOutcome.DUPLICATE);

        assertThat(writer(null).<WriteOutcome>send(INTEGRATOR, credit("a-1", "base-1", null)))
                .isEqualTo(WriteOutcome.DUPLICATE);
        verify(commands, times(2)).sendAndWait(any());
    }

    @Test
    void aRefusalIsFinalOnTheEmbeddedStoreAndCheckedOnceMoreOnFreshStateOnASharedOne() {
        var refusal = new StateConflictException("awardId", "award a-1 is revoked");
        when(commands.sendAndWait(any())).thenThrow(refusal);

        assertThatThrownBy(() -> writer(null).send(INTEGRATOR, credit("a-1", "base-1", null))).isSameAs(refusal);
        verify(commands, times(1)).sendAndWait(any());

        practitioners.put("p-1", "cached state");
        assertThatThrownBy(() -> writer("jdbc:postgresql://db/ledger").send(INTEGRATOR, credit("a-1", "base-1", null)))
                .isSameAs(refusal);
        verify(commands, times(3)).sendAndWait(any());
        assertThat(practitioners.containsKey("p-1")).as("evicted before the second attempt").isFalse();
    }

    @Test
    void aRostersAwardIdIsWrittenOnlyWithItsBaseAndSession() {
        assertThatThrownBy(() -> writer(null).send(INTEGRATOR, credit("s-1/p-1", "base-1", null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("sessionId/practitionerId"));
        assertThatThrownBy(() -> writer(null).send(INTEGRATOR, credit("s-2/p-1", "base-1", "s-1")))
                .isInstanceOf(ApiException.class);
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void anIntegratorWritesOnlyForItsOwnBases() {
        assertThatThrownBy(() -> writer(null).send(INTEGRATOR, credit("a-1", "base-2", "s-1")))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("This API key may not write for base base-2."));
        verify(commands, never()).sendAndWait(any());
    }
}
