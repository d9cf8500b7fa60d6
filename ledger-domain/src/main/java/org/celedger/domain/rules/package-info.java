/**
 * The rule engine of the ledger (RULES.md §3–§7): rule sets as cited YAML data, and a pure
 * function {@code (facts, rule set, query) → decision with trace}.
 *
 * <ul>
 *   <li>{@link org.celedger.domain.rules.RuleSets} loads the bundled {@code rule-sets/*.yaml}, picks the
 *       rule set serving a jurisdiction and evaluation year, and builds what-if variants.</li>
 *   <li>{@link org.celedger.domain.rules.RuleEngine} evaluates an
 *       {@link org.celedger.domain.rules.EligibilityQuery} over one practitioner's
 *       {@link org.celedger.domain.rules.RecordedFact}s into a {@link org.celedger.domain.rules.Decision},
 *       and computes {@link org.celedger.domain.rules.YearTotals}.</li>
 * </ul>
 *
 * Code implements the few rule kinds, one class each, in one package per RULES.md section:
 * {@code awards} (§4.1), {@code conversions} (§4.2), {@code requirements} (§5 and the requirement
 * modifiers of §6), {@code reliefs} (§6); each rule set is data. The engine orchestrates them in the
 * order of RULES.md §6.
 */
package org.celedger.domain.rules;
