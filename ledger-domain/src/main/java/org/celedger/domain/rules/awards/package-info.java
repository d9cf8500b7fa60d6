/**
 * RULES.md §4.1, Awards: how a {@code CreditAwarded} counts in a credit year under one rule set.
 * {@link org.celedger.domain.rules.awards.AwardCrediting} reads the section {@code crediting} and values an
 * award (minutes to hours, the categories its activity may serve, revocation, the as-of date), and
 * {@link org.celedger.domain.rules.awards.MakeUp} decides the year it counts in (补学往年); each names the
 * clauses it applies in its Javadoc and writes its own trace notes.
 */
package org.celedger.domain.rules.awards;
