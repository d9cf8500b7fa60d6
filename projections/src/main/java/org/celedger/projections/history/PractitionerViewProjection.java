package org.celedger.projections.history;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.celedger.domain.practitioner.PractitionerEvent;

/**
 * The tracking projection of practitioner events into their read-model documents. The events of
 * one processor batch are collected in its unit of work and written together just before the
 * tracking token is stored, so a batch of hundreds of events costs one read and one bulk write.
 * A crash between the two re-delivers the batch, and the updater skips the facts already held.
 */
@ProcessingGroup(PractitionerViewStore.PROJECTION)
public class PractitionerViewProjection {

    private static final String BATCH = PractitionerViewProjection.class.getName() + ".batch";

    private final ViewUpdater updater;
    private final FactCodec codec;

    public PractitionerViewProjection(ViewUpdater updater, FactCodec codec) {
        this.updater = updater;
        this.codec = codec;
    }

    @EventHandler
    public void on(PractitionerEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        batch().add(event.practitionerId(), codec.encode(sequence, recordedAt, event));
    }

    private ViewUpdater.Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            ViewUpdater.Batch batch = new ViewUpdater.Batch();
            unitOfWork.onPrepareCommit(u -> updater.apply(batch.byPractitioner()));
            return batch;
        });
    }
}
