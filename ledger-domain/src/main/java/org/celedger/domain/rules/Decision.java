package org.celedger.domain.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * An eligibility decision with its complete trace, in the shape of API.md ("A decision"): the rule
 * set and its hash, the as-of date, the outcome, the window after reliefs have cut it, the reliefs
 * considered (the decisive one marked), per year or window and per category the required and
 * credited hours with every contributing fact, and the last event sequence considered.
 * <p>
 * {@code window} lists the years whose hours the decision requires: after cuts, empty when cut to
 * nothing or when there is no rule; for a decision WAIVED by a relief it is the window the relief
 * waived. {@code requirements} is empty for WAIVED and NO_RULE; for NOT_LIMITING it holds the
 * reference evaluation that {@code referenceStatus} summarises.
 */
public record Decision(String practitionerId, Purpose purpose, String level, int year,
                       LocalDate asOf,
                       RuleSetRef ruleSet, Outcome outcome, boolean eligible, Status referenceStatus,
                       List<Integer> window, List<Relief> reliefs, List<Requirement> requirements,
                       Long upToSequence) {
}
