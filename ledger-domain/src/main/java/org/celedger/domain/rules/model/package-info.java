/**
 * The compiled parameters of a rule set: every value a {@link org.celedger.domain.rules.model.Cited}
 * carrying its clause and interpretation id, grouped as RULES.md groups them (§4 crediting and
 * conversions, §5 requirements, §6 reliefs, §8 training bases). Immutable.
 */
package org.celedger.domain.rules.model;
