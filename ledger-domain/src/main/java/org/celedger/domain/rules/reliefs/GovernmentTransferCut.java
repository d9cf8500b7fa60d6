package org.celedger.domain.rules.reliefs;

import static org.celedger.domain.rules.ParamType.enumOf;

import org.celedger.domain.practitioner.PractitionerTransferred;
import org.celedger.domain.practitioner.TransferKind;
import org.celedger.domain.rules.RecordedFact;
import org.celedger.domain.rules.ReliefEffect;
import org.celedger.domain.rules.ReliefKind;
import org.celedger.domain.rules.RuleSetNode;
import org.celedger.domain.rules.model.Cited;
import org.celedger.domain.rules.model.TransferMode;

/**
 * Transfer from a government organ (转任) in year T (RULES.md §6; IM-2022 三(七), IM-2025 一(五)5
 * "按转任实际年限（年度）"): evaluated in year T the requirement is waived; later, the window keeps only
 * the years after T. Of several such transfers effective by the as-of date and by E, the latest counts
 * (rule-sets README 11). Key {@code reliefs.governmentTransfer}.
 */
public final class GovernmentTransferCut implements ReliefRule {

    private final Cited<TransferMode> mode;

    /** Reads {@code reliefs.governmentTransfer}. */
    public GovernmentTransferCut(RuleSetNode reliefs) {
        this.mode = reliefs.param("governmentTransfer", enumOf(TransferMode.class));
    }

    public Cited<TransferMode> mode() {
        return mode;
    }

    @Override
    public AppliedRelief assess(ReliefContext c) {
        if (mode.value() == TransferMode.NONE) {
            return null;
        }
        int e = c.year();
        RecordedFact latest = null;
        for (RecordedFact fact : c.facts().transfers()) {
            PractitionerTransferred transfer = (PractitionerTransferred) fact.event();
            if (transfer.kind() == TransferKind.FROM_GOVERNMENT_ORGAN && transfer.effectiveDate() != null
                    && !transfer.effectiveDate().isAfter(c.asOf()) && transfer.effectiveDate().getYear() <= e) {
                latest = fact;
            }
        }
        if (latest == null) {
            return null;
        }
        PractitionerTransferred transfer = (PractitionerTransferred) latest.event();
        int t = transfer.effectiveDate().getYear();
        String what = "transfer " + transfer.transferId() + " (sequence " + latest.sequence()
                + ") from a government organ effective " + transfer.effectiveDate();
        if (t == e) {
            return new AppliedRelief(ReliefKind.GOVERNMENT_TRANSFER, ReliefEffect.WAIVED, mode.cite(),
                    what + ", in the evaluation year");
        }
        return WindowCut.of(ReliefKind.GOVERNMENT_TRANSFER, mode.cite(), c.baseWindow(), y -> y <= t,
                what + "; only years after " + t + " count");
    }
}
