/**
 * RULES.md §5, Requirements: one class per requirement kind ({@link org.celedger.domain.rules.requirements.YearlyRequirement},
 * {@link org.celedger.domain.rules.requirements.WindowRequirement}) and per requirement modifier of §6
 * (the NX master's proration, the three partial age shapes), each reading its keys where it has its own,
 * shaping the requirement of one evaluation into {@link org.celedger.domain.rules.requirements.Line}s and
 * writing their citations, its clauses named in its Javadoc. {@link org.celedger.domain.rules.requirements.RequirementShape}
 * applies them in RULES.md §6's order and decides whether rows meet the shape.
 */
package org.celedger.domain.rules.requirements;
