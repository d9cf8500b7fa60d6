/**
 * RULES.md §4.2, Conversions: one class per conversion kind (qualification exam, title exams, rates
 * for lecturing and study tours, degrees), each reading its own keys under {@code conversions}, valuing
 * its facts and writing their trace notes, its clauses named in its Javadoc.
 * {@link org.celedger.domain.rules.conversions.Conversions} hands each fact to its kind.
 */
package org.celedger.domain.rules.conversions;
