/**
 * RULES.md §6, Reliefs: one class per relief kind, each reading its own keys under {@code reliefs},
 * judging its condition for one evaluation and writing its trace sentence, its clauses named in its
 * Javadoc (a search for {@code IM-2025 一(五)5} lands in {@link org.celedger.domain.rules.reliefs.GovernmentTransferCut}).
 * {@link org.celedger.domain.rules.reliefs.Reliefs} orders them as the table does; the engine decides
 * which one is decisive.
 */
package org.celedger.domain.rules.reliefs;
