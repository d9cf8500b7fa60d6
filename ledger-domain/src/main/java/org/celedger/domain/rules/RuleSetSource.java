package org.celedger.domain.rules;

/** A document a rule set is built from: its short id (RULES.md §3, the table of source documents), its title and the seed file holding its text. */
public record RuleSetSource(String id, String document, String file) {
}
