package org.celedger.domain.rules.model;

import org.celedger.domain.rules.Purpose;

import java.util.Set;

/**
 * The reliefs of RULES.md §6 as one rule set defines them, in the table's order. They apply only
 * to the {@code purposes} listed (the documents say "参加职称评审时").
 */
public record ReliefRules(Cited<Set<Purpose>> purposes,
                          AgeRelief<ReliefMode> ageFull,
                          AgeRelief<AgePartialMode> agePartial,
                          ProfileRelief nonPublicSector,
                          ProfileRelief grassroots,
                          Cited<CovidMode> covidFrontline,
                          Cited<TransferMode> governmentTransfer,
                          LevelRelief postdoc,
                          Cited<ExceptionalMode> exceptionalPromotion,
                          Cited<ReliefMode> degreeInWindow,
                          MasterDegreeRule masterDegree) {
}
