package org.celedger.domain.rules;

/**
 * A relief considered by a decision (RULES.md §6): every relief whose condition holds is listed;
 * the one that decided the outcome is {@code decisive}.
 */
public record Relief(ReliefKind kind, boolean decisive, String citation, String detail, ReliefEffect effect) {

    Relief asDecisive() {
        return new Relief(kind, true, citation, detail, effect);
    }
}
