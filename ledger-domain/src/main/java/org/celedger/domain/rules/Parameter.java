package org.celedger.domain.rules;

/**
 * One parameter of a rule set as an endpoint lists it: its dotted path in the file
 * ({@code reliefs.ageFull.mode}), its value (a number, boolean, string, list of strings or null),
 * the clause it comes from and the interpretation id of RULES.md §9 where one applies.
 */
public record Parameter(String path, Object value, String citation, String interpretation) {
}
