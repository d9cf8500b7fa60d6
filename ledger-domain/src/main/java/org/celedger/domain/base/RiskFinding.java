package org.celedger.domain.base;

/** A risk signal of a session, with a human sentence saying what was found and the clause it rests on. */
public record RiskFinding(RiskSignal signal, String detail, String citation) {
}
