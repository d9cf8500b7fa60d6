package org.celedger.domain.rules.reliefs;

import org.celedger.domain.rules.ReliefEffect;
import org.celedger.domain.rules.ReliefKind;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/** The shape of every window cut (RULES.md §6 "window cuts"): which years of the window it removes, and the sentence saying so. */
final class WindowCut {

    private WindowCut() {
    }

    static AppliedRelief of(ReliefKind kind, String citation, int[] window, IntPredicate removes, String why) {
        Set<Integer> cut = new TreeSet<>();
        for (int y : window) {
            if (removes.test(y)) {
                cut.add(y);
            }
        }
        return new AppliedRelief(kind, cut.isEmpty() ? ReliefEffect.NONE : ReliefEffect.WINDOW_CUT, citation,
                why + (cut.isEmpty() ? "; no year of the window is affected" : "; removes " + cut), cut);
    }
}
