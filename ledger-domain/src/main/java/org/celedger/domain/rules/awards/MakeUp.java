package org.celedger.domain.rules.awards;

import org.celedger.domain.practitioner.CreditReassigned;
import org.celedger.domain.rules.model.Cited;

import java.util.function.IntFunction;

/**
 * Make-up study of an earlier year (补学往年, RULES.md §4.1): a reassigned award counts in its target
 * year where the rule set allows make-up (IM-2025 一(二) "补学往年"), otherwise in its own year (I-3:
 * IM-2017, IM-2022 and NX-2022 do not mention it). Which rule set decides is the caller's: the one of
 * the evaluation, or in the default yearly view the one serving the year the award was earned in (so
 * an award counts once). Key {@code crediting.makeUp}, read by {@link AwardCrediting}.
 */
public final class MakeUp {

    private final int ownYear;
    private final CreditReassigned reassignment;
    private final Cited<Boolean> allowed;
    private final long reassignedBySequence;

    private MakeUp(int ownYear, CreditReassigned reassignment, Cited<Boolean> allowed, long reassignedBySequence) {
        this.ownYear = ownYear;
        this.reassignment = reassignment;
        this.allowed = allowed;
        this.reassignedBySequence = reassignedBySequence;
    }

    /** The make-up of an award: {@code allowed} is the rule of its own year, asked only when it was reassigned. */
    static MakeUp of(AwardFact a, IntFunction<Cited<Boolean>> allowedInOwnYear) {
        int own = a.award().year();
        CreditReassigned reassignment = a.reassignment();
        if (reassignment == null) {
            return new MakeUp(own, null, null, -1);
        }
        return new MakeUp(own, reassignment, allowedInOwnYear.apply(own), a.reassignedBy().sequence());
    }

    /** Whether the award leaves its own year. */
    boolean moved() {
        return reassignment != null && allowed.value() && reassignment.targetYear() != ownYear;
    }

    /** The year the award counts in. */
    int year() {
        return moved() ? reassignment.targetYear() : ownYear;
    }

    /** The clause that allows (or does not mention) make-up. */
    String citation() {
        return allowed.cite();
    }

    /** The note of the zero item the award leaves in its own year when it moved. */
    String leftOwnYear() {
        return "moved to " + year() + " as make-up study (补学往年) by sequence " + reassignedBySequence;
    }

    /** The note on the award where it counts: moved, or a reassignment not applied; null for neither. */
    String note(String ruleSetId) {
        if (moved()) {
            return "make-up study of " + year() + ", earned in " + ownYear + " (" + allowed.cite() + ", sequence "
                    + reassignedBySequence + ")";
        } else if (reassignment != null && reassignment.targetYear() != ownYear) {
            return "reassignment to " + reassignment.targetYear() + " (sequence " + reassignedBySequence
                    + ") not applied: no make-up under " + ruleSetId + " (" + allowed.cite() + ")";
        }
        return null;
    }
}
